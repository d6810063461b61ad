package io.sitroom.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sitroom.chain.Checkpoint;
import io.sitroom.chain.Countersignature;
import io.sitroom.chain.Ed25519;

/**
 * Witnesses' countersignatures in an export (docs/evidence.md, "Witnesses"): each must be of a checkpoint
 * the export carries and verify with a witness key (the export's, or a JWK Set the reader pins); one
 * moved to another checkpoint, altered, or signed by an unknown key is caught.
 */
class ExportVerifierWitnessTest {

    private static final String WITNESS = "witness.example.org";
    private final KeyPair server = ExportVerifierCheckpointTest.pair();
    private final KeyPair witness = ExportVerifierCheckpointTest.pair();

    private static Map<String, Object> countersignature(Map<String, Object> checkpoint, String at, KeyPair key) {
        Checkpoint signed = new Checkpoint((String) checkpoint.get("roomId"), ((Number) checkpoint.get("seq")).longValue(),
                (String) checkpoint.get("headHash"), (String) checkpoint.get("at"), (String) checkpoint.get("kid"), (String) checkpoint.get("signature"));
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("seq", signed.seq());
        c.put("witness", WITNESS);
        c.put("at", at);
        c.put("kid", ExportVerifierCheckpointTest.kid(key));
        c.put("signature", Ed25519.sign(key.getPrivate(), Countersignature.signedBytes(signed, WITNESS, at)));
        return c;
    }

    /** Checkpoints at seq 2 and 5, each countersigned by the witness. */
    private TestExport witnessedExport() {
        TestExport export = TestExport.valid();
        Map<String, Object> second = ExportVerifierCheckpointTest.checkpoint(export, 2, server);
        Map<String, Object> fifth = ExportVerifierCheckpointTest.checkpoint(export, 5, server);
        export.chain.put("checkpoints", List.of(second, fifth));
        export.chain.put("keys", StrictJson.read(ExportVerifierCheckpointTest.jwks(server)));
        export.chain.put("witnesses", new ArrayList<>(List.of(countersignature(second, "2026-11-29T15:10:01.000Z", witness),
                countersignature(fifth, "2026-11-29T15:10:02.000Z", witness))));
        export.chain.put("witnessKeys", StrictJson.read(ExportVerifierCheckpointTest.jwks(witness)));
        return export;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> witnessed(TestExport export, int index) {
        return ((List<Map<String, Object>>) export.chain.get("witnesses")).get(index);
    }

    @Test
    void aWitnessedExport_verifies_andSaysByWhomAndHowFar() {
        ExportVerifier.Result result = ExportVerifier.verify(witnessedExport().json());
        assertTrue(result.ok(), result.toString());
        assertEquals(new ExportVerifier.Witnessed(2, List.of(WITNESS), 5), result.witnessed());
        assertTrue(ExportVerifier.verify(witnessedExport().json(), null, ExportVerifierCheckpointTest.jwks(witness)).ok(),
                "with the witness's pinned keys too");
    }

    @Test
    void anExportWithoutWitnesses_stillVerifies() {
        TestExport export = witnessedExport();
        export.chain.remove("witnesses");
        export.chain.remove("witnessKeys");
        ExportVerifier.Result result = ExportVerifier.verify(export.json());
        assertTrue(result.ok(), result.toString());
        assertEquals(0, result.witnessed().countersignatures());
    }

    @Test
    void anAlteredCountersignature_isCaught_byItsSeq() {
        TestExport export = witnessedExport();
        witnessed(export, 1).put("at", "2026-11-29T15:09:00.000Z"); // backdated
        ExportVerifier.Result result = ExportVerifier.verify(export.json());
        assertFalse(result.ok());
        assertEquals(5L, result.firstBadSeq());
        assertTrue(result.reason().contains("does not verify with key"), result.reason());
    }

    @Test
    void aCountersignatureMovedToAnotherCheckpoint_isCaught() {
        TestExport export = witnessedExport();
        witnessed(export, 0).put("seq", 5);
        ExportVerifier.Result result = ExportVerifier.verify(export.json());
        assertFalse(result.ok());
        assertTrue(result.reason().contains("does not verify"), result.reason());
    }

    @Test
    void aCountersignatureOfNoCheckpoint_isCaught() {
        TestExport export = witnessedExport();
        witnessed(export, 0).put("seq", 3);
        ExportVerifier.Result result = ExportVerifier.verify(export.json());
        assertFalse(result.ok());
        assertTrue(result.reason().contains("is of no checkpoint the export carries"), result.reason());
    }

    @Test
    void aRewrittenFileWithItsOwnWitnessKeys_verifiesAlone_butNotAgainstThePinnedKeys() {
        KeyPair impostor = ExportVerifierCheckpointTest.pair();
        TestExport export = witnessedExport();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> checkpoints = (List<Map<String, Object>>) export.chain.get("checkpoints");
        export.chain.put("witnesses", new ArrayList<>(List.of(countersignature(checkpoints.get(0), "2026-11-29T15:10:01.000Z", impostor))));
        export.chain.put("witnessKeys", StrictJson.read(ExportVerifierCheckpointTest.jwks(impostor)));
        assertTrue(ExportVerifier.verify(export.json()).ok(), "consistent in itself");
        ExportVerifier.Result pinned = ExportVerifier.verify(export.json(), null, ExportVerifierCheckpointTest.jwks(witness));
        assertFalse(pinned.ok());
        assertTrue(pinned.reason().contains("which is not among the witness keys"), pinned.reason());
    }

    @Test
    void theCommandLine_takesWitnessKeys_andSaysWhatTheyCover(@TempDir Path dir) throws Exception {
        Path export = Files.writeString(dir.resolve("export.json"), witnessedExport().json());
        Path keys = Files.writeString(dir.resolve("keys.json"), ExportVerifierCheckpointTest.jwks(server));
        Path witnessKeys = Files.writeString(dir.resolve("witness.json"), ExportVerifierCheckpointTest.jwks(witness));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            exit = ExportVerifier.run(export.toString(), "--witness-keys", witnessKeys.toString(), "--keys", keys.toString());
        } finally {
            System.setOut(original);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, printed);
        assertTrue(printed.contains("signed: 2 checkpoints, through seq 5, with the keys in " + keys), printed);
        assertTrue(printed.contains("witnessed: 2 countersignatures by " + WITNESS + ", through seq 5, with the keys in " + witnessKeys), printed);
    }
}
