package io.sitroom.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.sitroom.chain.ChainEvent;
import io.sitroom.chain.Checkpoint;
import io.sitroom.chain.Ed25519;
import io.sitroom.chain.Jwk;
import io.sitroom.json.CanonicalForm;

/**
 * Signed checkpoints in an export (docs/evidence.md): the verifier checks each signature against the
 * keys, and that the chain passes through each signed head; a log rewritten consistently after it was
 * signed, a forged checkpoint, an export cut short and a substituted key set are each caught.
 */
class ExportVerifierCheckpointTest {

    private final KeyPair server = pair();

    static KeyPair pair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String kid(KeyPair pair) {
        return Jwk.thumbprint(Ed25519.x(pair.getPublic()));
    }

    static String jwks(KeyPair... pairs) {
        List<Object> keys = new ArrayList<>();
        for (KeyPair pair : pairs) {
            Jwk jwk = Jwk.ed25519(Ed25519.x(pair.getPublic()));
            keys.add(TestExport.map("kty", jwk.kty(), "crv", jwk.crv(), "kid", jwk.kid(), "x", jwk.x(), "use", jwk.use(), "alg", jwk.alg()));
        }
        return CanonicalForm.write(TestExport.map("keys", keys));
    }

    /** A checkpoint of seq as the event at that seq in {@code export} hashes, signed by {@code key}. */
    static Map<String, Object> checkpoint(TestExport export, long seq, KeyPair key) {
        String hash = (String) export.event(seq).get("hash");
        return signed(seq, hash, "2026-11-29T15:10:00.000Z", key.getPrivate(), kid(key));
    }

    private static Map<String, Object> signed(long seq, String hash, String at, PrivateKey key, String kid) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("roomId", TestExport.ROOM);
        c.put("seq", seq);
        c.put("headHash", hash);
        c.put("at", at);
        c.put("kid", kid);
        c.put("signature", Ed25519.sign(key, Checkpoint.signedBytes(TestExport.ROOM, seq, hash, at)));
        return c;
    }

    private TestExport signedExport() {
        TestExport export = TestExport.valid();
        export.chain.put("checkpoints", List.of(checkpoint(export, 2, server), checkpoint(export, 5, server)));
        export.chain.put("keys", StrictJson.read(jwks(server)));
        return export;
    }

    @Test
    void aSignedExport_verifies_andSaysHowFarItIsSigned() {
        ExportVerifier.Result result = ExportVerifier.verify(signedExport().json());
        assertTrue(result.ok(), result.toString());
        assertEquals(2, result.checkpoints());
        assertEquals(5, result.signedThrough());
        assertTrue(ExportVerifier.verify(signedExport().json(), jwks(server)).ok(), "with the pinned keys too");
    }

    @Test
    void aLogRewrittenConsistently_afterItWasSigned_isCaughtAtTheCheckpoint() {
        TestExport signed = signedExport();
        // Whoever can write the database recomputes every hash from seq 2 on: the chain alone is whole again.
        List<ChainEvent> events = new ArrayList<>(TestExport.events());
        ChainEvent second = events.get(1);
        events.set(1, new ChainEvent(second.roomId(), 2, second.at(), second.kind(), second.actor(), second.commandId(),
                TestExport.map("severity", "SEV3"), null));
        TestExport rewritten = TestExport.of(events);
        assertTrue(ExportVerifier.verify(rewritten.json()).ok(), "without checkpoints nothing shows");
        rewritten.chain.put("checkpoints", signed.chain.get("checkpoints"));
        rewritten.chain.put("keys", signed.chain.get("keys"));
        ExportVerifier.Result result = ExportVerifier.verify(rewritten.json());
        assertFalse(result.ok(), result.toString());
        assertEquals(2, result.firstBadSeq());
        assertTrue(result.reason().contains("the chain does not pass through the checkpoint of seq 2"), result.reason());
    }

    @Test
    void aForgedCheckpoint_doesNotVerify() {
        TestExport export = signedExport();
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) ((List<Object>) export.chain.get("checkpoints")).get(0);
        first.put("headHash", "f".repeat(64));
        ExportVerifier.Result result = ExportVerifier.verify(export.json());
        assertFalse(result.ok());
        assertEquals(2, result.firstBadSeq());
        assertTrue(result.reason().contains("does not verify with key " + kid(server)), result.reason());
    }

    @Test
    void anExportCutShort_beforeASignedHead_isCaught() {
        TestExport export = signedExport();
        export.events.remove(4);
        export.chain.put("headSeq", 4);
        export.chain.put("headHash", export.event(4).get("hash"));
        ExportVerifier.Result result = ExportVerifier.verify(export.json());
        assertFalse(result.ok(), result.toString());
        assertTrue(result.reason().contains("past the export's head (seq 4): events were taken off its end"), result.reason());
    }

    @Test
    void aRewriteThatAlsoReplacesTheKeysAndCheckpoints_passesOnItsOwnKeys_butNotOnThePinnedOnes() {
        KeyPair attacker = pair();
        List<ChainEvent> events = new ArrayList<>(TestExport.events());
        ChainEvent fourth = events.get(3);
        events.set(3, new ChainEvent(fourth.roomId(), 4, fourth.at(), fourth.kind(), fourth.actor(), fourth.commandId(),
                TestExport.map("audience", "all", "summary", "All fine"), null));
        TestExport rewritten = TestExport.of(events);
        rewritten.chain.put("checkpoints", List.of(checkpoint(rewritten, 5, attacker)));
        rewritten.chain.put("keys", StrictJson.read(jwks(attacker)));
        assertTrue(ExportVerifier.verify(rewritten.json()).ok(), "the export's own keys prove nothing against whoever wrote it");
        ExportVerifier.Result pinned = ExportVerifier.verify(rewritten.json(), jwks(server));
        assertFalse(pinned.ok());
        assertTrue(pinned.reason().contains("which is not among the keys"), pinned.reason());
    }

    @Test
    void aCheckpointOfAnotherRoom_isRefused() {
        TestExport export = TestExport.valid();
        Map<String, Object> other = checkpoint(export, 1, server);
        other.put("roomId", "7f1c2b1e-3a4d-4e5f-9a0b-1c2d3e4f5a6b");
        export.chain.put("checkpoints", List.of(other));
        export.chain.put("keys", StrictJson.read(jwks(server)));
        assertTrue(ExportVerifier.verify(export.json()).reason().contains("is for another room"));
    }

    @Test
    void aKeyWhoseIdIsNotItsThumbprint_isRefusedAsUnreadable() {
        String jwks = jwks(server).replace(kid(server), kid(pair()));
        String reason = assertThrows(IllegalArgumentException.class, () -> ExportVerifier.verify(signedExport().json(), jwks)).getMessage();
        assertTrue(reason.contains("keys[0].kid is not the key's RFC 7638 thumbprint"), reason);
    }
}
