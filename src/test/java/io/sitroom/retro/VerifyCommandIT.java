package io.sitroom.retro;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.sitroom.testing.AppProcess;

/**
 * The packaged app's offline verifier: {@code java -jar quarkus-run.jar verify export.json}, with nothing running, and
 * {@code --document}, which renders with the packaged application's own libraries.
 */
class VerifyCommandIT {

    private static int verify(Path file, StringBuilder output, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java", "-jar",
                System.getProperty("sitroom.it.jar", "target/quarkus-app/quarkus-run.jar"), "verify", file.toString()));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        output.append(new String(process.getInputStream().readAllBytes()));
        return process.waitFor();
    }

    private static String adminToken(AppProcess app) {
        return given().baseUri(app.baseUrl()).contentType(ContentType.JSON)
                .body(Map.of("username", "admin", "password", AppProcess.ADMIN_PASSWORD)).post("/api/auth/login")
                .then().statusCode(200).extract().path("token");
    }

    @Test
    void verifyCommand_acceptsAnIntactExport_andNamesTheSeqOfAChangedCharacter() throws Exception {
        AppProcess.emptyDatabase();
        Path export = Files.createTempFile("export-", ".json");
        Path markdown = Files.createTempFile("retrospective-", ".md");
        Path html = Files.createTempFile("retrospective-", ".html");
        try (AppProcess app = new AppProcess()) {
            app.start();
            String admin = adminToken(app);
            String room = given().baseUri(app.baseUrl()).auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("kind", "INCIDENT", "title", "Verify me")).post("/api/rooms").then().statusCode(201).extract().path("id");
            given().baseUri(app.baseUrl()).auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("commandId", "n1", "name", "note.add", "data", Map.of("text", "the original words")))
                    .post("/api/rooms/" + room + "/commands").then().statusCode(200);
            // One export as JSON and its documents, from one bundle: separate downloads could straddle a checkpoint being signed.
            byte[] bundle = given().baseUri(app.baseUrl()).auth().oauth2(admin).get("/api/rooms/" + room + "/export?format=bundle")
                    .then().statusCode(200).extract().asByteArray();
            try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(bundle))) {
                for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    Path target = e.getName().endsWith(".json") ? export : e.getName().endsWith(".md") ? markdown : html;
                    Files.write(target, in.readAllBytes());
                }
            }
        }
        // The packaged application renders the documents again offline, with its own libraries and templates.
        for (Path document : List.of(markdown, html)) {
            StringBuilder rendered = new StringBuilder();
            assertEquals(0, verify(export, rendered, "--document", document.toString()), rendered.toString());
            assertTrue(rendered.toString().contains("document: " + document + " is the rendering of this export ("), rendered.toString());
        }
        Files.writeString(markdown, Files.readString(markdown).replace("the original words", "the original wordz"));
        StringBuilder changed = new StringBuilder();
        assertEquals(1, verify(export, changed, "--document", markdown.toString()), changed.toString());
        assertTrue(changed.toString().contains("DIFFERS from the rendering of this export at line "), changed.toString());
        StringBuilder intact = new StringBuilder();
        assertEquals(0, verify(export, intact), intact.toString());
        assertTrue(intact.toString().startsWith("ok: 3 events"), intact.toString());

        Files.writeString(export, Files.readString(export).replace("the original words", "the original wordz"));
        StringBuilder tampered = new StringBuilder();
        assertEquals(1, verify(export, tampered), tampered.toString());
        assertTrue(tampered.toString().contains("BROKEN at seq 3"), tampered.toString());
    }

    @Test
    void verifyCommand_playsAnExercise_onTheScenarioTheFacilitatorsExportCarries() throws Exception {
        AppProcess.emptyDatabase();
        Path export = Files.createTempFile("exercise-", ".json");
        try (AppProcess app = new AppProcess()) {
            app.start();
            String admin = adminToken(app);
            String room = given().baseUri(app.baseUrl()).auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("kind", "EXERCISE", "title", "Friday night", "scenarioId", "ransomware-friday-night")).post("/api/rooms")
                    .then().statusCode(201).extract().path("id");
            given().baseUri(app.baseUrl()).auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("commandId", "s1", "name", "exercise.start", "data", Map.of("speed", 1)))
                    .post("/api/rooms/" + room + "/commands").then().statusCode(200);
            given().baseUri(app.baseUrl()).auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("commandId", "e1", "name", "exercise.end", "data", Map.of()))
                    .post("/api/rooms/" + room + "/commands").then().statusCode(200);
            Files.writeString(export, given().baseUri(app.baseUrl()).auth().oauth2(admin).get("/api/rooms/" + room + "/export?format=json")
                    .then().statusCode(200).extract().asString());
        }
        // The packaged application has the scenario parser: the exercise is derived again, not listed as the server's word.
        StringBuilder output = new StringBuilder();
        assertEquals(0, verify(export, output), output.toString());
        String line = output.toString().lines().filter(l -> l.startsWith("proven: ")).findFirst().orElse("");
        int unproven = line.indexOf("; not derived again: ");
        List<String> proven = List.of(line.substring(line.indexOf('(') + 1, line.indexOf(')')).split(", "));
        List<String> notDerived = unproven < 0 ? List.of() : List.of(line.substring(unproven + "; not derived again: ".length()).split(", "));
        assertTrue(proven.containsAll(List.of("room.exercise", "metrics.exerciseScore")), output.toString());
        assertTrue(!notDerived.contains("room.exercise") && !notDerived.contains("metrics.exerciseScore"), output.toString());
    }
}
