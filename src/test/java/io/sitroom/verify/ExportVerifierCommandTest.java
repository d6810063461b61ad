package io.sitroom.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: exit 0, 1 or 2, and for 2 exactly one line on standard error, never a stack trace. */
class ExportVerifierCommandTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
            int exit = ExportVerifier.run(args);
            return new Run(exit, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private Path file(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static void assertOneLineRefusal(Run run, Path file, String reason) {
        assertEquals(2, run.exit(), run.toString());
        assertEquals("", run.out(), run.toString());
        assertTrue(run.err().endsWith(System.lineSeparator()), run.toString());
        String line = run.err().substring(0, run.err().length() - System.lineSeparator().length());
        assertFalse(line.contains("\n") || line.contains("\r"), "one line: " + run.err());
        assertTrue(line.startsWith("cannot verify " + file + ": "), run.err());
        assertTrue(line.contains(reason), "expected '" + reason + "' in: " + line);
        assertFalse(line.contains("Exception") || line.contains("\tat "), "no stack trace: " + line);
    }

    @Test
    void run_exits0_andPrintsTheHead_whenTheChainIsWhole() throws Exception {
        TestExport export = TestExport.valid();
        Run run = run(file("export.json", export.json()).toString());
        assertEquals(new Run(0, "ok: 5 events (1 redacted), head " + export.chain.get("headHash") + System.lineSeparator()
                + "signed: no checkpoint" + System.lineSeparator() + "witnessed: no countersignature" + System.lineSeparator()
                + "proven: 2 readable sections agree with the events (room.id, room.title)" + System.lineSeparator(), ""), run);
    }

    @Test
    void run_exits1_andNamesTheField_whenAReadableSectionDisagreesWithTheEvents() throws Exception {
        TestExport export = TestExport.valid();
        @SuppressWarnings("unchecked")
        Map<String, Object> room = (Map<String, Object>) export.root.get("room");
        room.put("title", "A routine drill");
        Run run = run(file("export.json", export.json()).toString());
        assertEquals(new Run(1, "DISAGREES with its events: room.title: the file says \"A routine drill\", the events say \"Ransomware at the plant\""
                + System.lineSeparator(), ""), run);
    }

    @Test
    void run_checksCheckpoints_withTheKeysGiven() throws Exception {
        java.security.KeyPair key = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String x = io.sitroom.chain.Ed25519.x(key.getPublic());
        io.sitroom.chain.Jwk jwk = io.sitroom.chain.Jwk.ed25519(x);
        TestExport export = TestExport.valid();
        String hash = (String) export.event(5).get("hash");
        String at = "2026-11-29T15:10:00.000Z";
        export.chain.put("checkpoints", List.of(TestExport.map("roomId", TestExport.ROOM, "seq", 5, "headHash", hash, "at", at, "kid", jwk.kid(),
                "signature", io.sitroom.chain.Ed25519.sign(key.getPrivate(), io.sitroom.chain.Checkpoint.signedBytes(TestExport.ROOM, 5, hash, at)))));
        Path keys = file("keys.json", io.sitroom.json.CanonicalForm.write(TestExport.map("keys",
                List.of(TestExport.map("kty", "OKP", "crv", "Ed25519", "kid", jwk.kid(), "x", x)))));
        Run run = run(file("export.json", export.json()).toString(), "--keys", keys.toString());
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().contains("signed: 1 checkpoints, through seq 5, with the keys in " + keys), run.out());
        Run unpinned = run(dir.resolve("export.json").toString());
        assertEquals(1, unpinned.exit(), "the export carries no keys: " + unpinned);
        Run missing = run(dir.resolve("export.json").toString(), "--keys", dir.resolve("none.json").toString());
        assertOneLineRefusal(missing, dir.resolve("none.json"), "no such file");
    }

    @Test
    void run_exits1_andNamesTheSeq_whenTheChainIsBroken() throws Exception {
        Run run = run(file("export.json", TestExport.valid().json().replace("Plant isolated", "Plant isolatex")).toString());
        assertEquals(new Run(1, "BROKEN at seq 4: the event's content does not match its hash" + System.lineSeparator(), ""), run);
    }

    @Test
    void run_exits2_withOneLine_whenTheFileIsNotAValidExport() throws Exception {
        String valid = TestExport.valid().json();
        List<UnaryOperator<String>> breakages = List.of(
                json -> "{\"format\":\"x\"," + json.substring(1),
                json -> json.replace("\"seq\":2", "\"seq\":\"2\""),
                json -> json.replace("\"kind\":\"room.severity\"", "\"kind\":[\"room.severity\"]"),
                json -> json.replace("\"Plant isolated\"", "\"Plant \\q isolated\""),
                json -> json.replace("\"Plant isolated\"", "[".repeat(5000) + "]".repeat(5000)),
                json -> json + "\n# signed by nobody\n",
                json -> "");
        for (UnaryOperator<String> breakage : breakages) {
            String broken = breakage.apply(valid);
            Path file = file("broken.json", broken);
            assertOneLineRefusal(run(file.toString()), file, "");
        }
        Path duplicate = file("duplicate.json", breakages.get(0).apply(valid));
        assertOneLineRefusal(run(duplicate.toString()), duplicate, "duplicate key \"format\"");
        Path nested = file("nested.json", breakages.get(4).apply(valid));
        assertOneLineRefusal(run(nested.toString()), nested, "nesting deeper than 512 levels");
    }

    @Test
    void run_exits2_withOneLine_whenTheFileCannotBeRead() throws Exception {
        Path missing = dir.resolve("missing.json");
        assertOneLineRefusal(run(missing.toString()), missing, "no such file");

        Path latin1 = Files.write(dir.resolve("latin1.json"), "{\"a\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
        assertOneLineRefusal(run(latin1.toString()), latin1, "the file is not UTF-8 text");

        assertOneLineRefusal(run(dir.toString()), dir, "");

        Path newline = file("line\nbreak.json", "{}");
        Run run = run(newline.toString());
        assertEquals(2, run.exit());
        assertEquals(1, run.err().split(System.lineSeparator()).length, run.err());
    }

    @Test
    void run_exits2_withUsage_whenNotGivenOneFile() {
        for (String[] args : List.of(new String[0], new String[] { "a.json", "b.json" }, new String[] { "a.json", "--other", "k.json" },
                new String[] { "a.json", "--keys", "k.json", "--keys", "k.json" }, new String[] { "a.json", "--witness-keys" })) {
            Run run = run(args);
            assertEquals(2, run.exit());
            assertEquals("usage: java -jar quarkus-run.jar verify <export.json> [--keys <jwks.json>] [--witness-keys <jwks.json>]"
                    + " [--document <retrospective.md|.html>]" + System.lineSeparator(), run.err());
        }
    }

    @Test
    void run_exits2_namingTheDocument_whenItCannotBeRead() throws Exception {
        Path export = file("export.json", TestExport.valid().json());
        Path missing = dir.resolve("retrospective.md");
        assertOneLineRefusal(run(export.toString(), "--document", missing.toString()), missing, "no such file");
    }
}
