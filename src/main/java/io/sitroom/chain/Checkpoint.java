package io.sitroom.chain;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.HashMap;
import java.util.Map;

import io.sitroom.json.CanonicalForm;

/**
 * A signed statement that a room's chain reached {@code headHash} at {@code seq} by {@code at}
 * (docs/evidence.md). The signature covers the canonical JSON of
 * {@code {type, roomId, seq, headHash, at}}; {@code kid} names the key, which is not signed: a
 * checkpoint checked against the wrong key simply does not verify. Shared by the server and the
 * offline verifier (JDK only).
 */
public record Checkpoint(String roomId, long seq, String headHash, String at, String kid, String signature) {

    public static final String TYPE = "sitroom-checkpoint/1";

    /** The exact bytes the signature covers. */
    public static byte[] signedBytes(String roomId, long seq, String headHash, String at) {
        Map<String, Object> statement = new HashMap<>();
        statement.put("type", TYPE);
        statement.put("roomId", roomId);
        statement.put("seq", seq);
        statement.put("headHash", headHash);
        statement.put("at", at);
        return CanonicalForm.write(statement).getBytes(StandardCharsets.UTF_8);
    }

    public byte[] signedBytes() {
        return signedBytes(roomId, seq, headHash, at);
    }

    /** Whether {@code key} signed exactly this checkpoint. */
    public boolean verifies(PublicKey key) {
        return Ed25519.verifies(key, signedBytes(), signature);
    }
}
