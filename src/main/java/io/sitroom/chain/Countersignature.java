package io.sitroom.chain;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.HashMap;
import java.util.Map;

import io.sitroom.json.CanonicalForm;

/**
 * A witness's statement that it saw a room's {@link Checkpoint} at {@code at} (docs/evidence.md,
 * "Witnesses"). The signature covers the canonical JSON of
 * {@code {type, witness, at, roomId, seq, headHash, checkpointAt, checkpointKid, checkpointSignature}}:
 * the whole checkpoint, its signature included, so a countersignature cannot be moved to another
 * checkpoint of the same seq. {@code kid} names the witness's key, which is not signed. Shared by the
 * server and the offline verifier (JDK only).
 */
public record Countersignature(long seq, String witness, String at, String kid, String signature) {

    public static final String TYPE = "sitroom-countersignature/1";

    /** The exact bytes a witness named {@code witness} signs at {@code at} for {@code checkpoint}. */
    public static byte[] signedBytes(Checkpoint checkpoint, String witness, String at) {
        Map<String, Object> statement = new HashMap<>();
        statement.put("type", TYPE);
        statement.put("witness", witness);
        statement.put("at", at);
        statement.put("roomId", checkpoint.roomId());
        statement.put("seq", checkpoint.seq());
        statement.put("headHash", checkpoint.headHash());
        statement.put("checkpointAt", checkpoint.at());
        statement.put("checkpointKid", checkpoint.kid());
        statement.put("checkpointSignature", checkpoint.signature());
        return CanonicalForm.write(statement).getBytes(StandardCharsets.UTF_8);
    }

    /** Whether {@code key} signed exactly this countersignature of {@code checkpoint}. */
    public boolean verifies(Checkpoint checkpoint, PublicKey key) {
        return checkpoint.seq() == seq && Ed25519.verifies(key, signedBytes(checkpoint, witness, at), signature);
    }
}
