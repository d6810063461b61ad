package io.sitroom.bundle;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.sitroom.crypto.Sha256;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;
import io.sitroom.verify.ExportVerifier;

/**
 * Exercise bundles end to end: a short exercise of a shipped scenario is exported by its facilitator,
 * imported (after verification) and read back; tampered or malformed bundles are refused naming the
 * part; only the facilitator exports, and only the importer and admins read an archive.
 */
@QuarkusTest
class ExerciseBundleTest {

    private static final String SCENARIO = "leaked-cloud-key";
    private static final ObjectMapper JSON = new ObjectMapper();

    private User facilitator;
    private User player;
    private UUID room;

    @BeforeEach
    void shortExercise() {
        facilitator = Api.newUser("Fran Facilitator");
        room = Api.newExercise(facilitator, SCENARIO);
        player = Api.join(Api.invite(facilitator, room, "incident_commander"), "Ian Player");
        Api.accepted(facilitator, room, "exercise.start", Map.of());
        Api.accepted(player, room, "decision.propose", Map.of("title", "Revoke the key", "choice", "revoke", "rationale", "exposed",
                "approvers", List.of("incident_commander")));
        Api.accepted(facilitator, room, "exercise.end", Map.of());
        Api.accepted(facilitator, room, "feedback.open", Map.of());
        Api.accepted(player, room, "feedback.submit", Map.of("strengths", List.of("quick revocation")));
    }

    private byte[] exportBundle() {
        return facilitator.as().get("/api/rooms/" + room + "/bundle").then().statusCode(200).contentType("application/zip")
                .header("Content-Disposition", matchesPattern("attachment; filename=\"sitroom-exercise-exercise-leaked-cloud-key-\\d{4}-\\d\\d-\\d\\d\\.zip\""))
                .extract().asByteArray();
    }

    private static Response importBundle(User user, byte[] zip) {
        return given().auth().oauth2(user.token()).contentType("application/zip").body(zip).post("/api/exercise-bundles");
    }

    @Test
    void roundTrip_exportsEveryPart_importsTheArchive_andGivesTheZipBackByteForByte() throws Exception {
        byte[] zip = exportBundle();
        Map<String, byte[]> parts = unzip(zip);
        assertEquals(List.of("bundle.json", "scenario.yaml", "export.json", "report.md", "feedback.json"), new ArrayList<>(parts.keySet()));
        String shipped = Files.readString(Path.of("scenarios", SCENARIO + ".yaml"));
        assertEquals(shipped, text(parts, "scenario.yaml"), "exactly the version the exercise started from");
        var manifest = JSON.readTree(parts.get("bundle.json"));
        assertEquals("sitroom-exercise-bundle", manifest.get("format").asText());
        assertEquals(1, manifest.get("version").asInt());
        assertEquals(room.toString(), manifest.get("roomId").asText());
        assertEquals("ended", manifest.get("status").asText());
        assertEquals(SCENARIO, manifest.at("/scenario/id").asText());
        assertEquals(0, manifest.at("/scenario/version").asInt());
        assertEquals(Sha256.hex(shipped), manifest.at("/scenario/sha256").asText());
        assertTrue(manifest.get("source").asText().startsWith("http"), "the exporting server's base URL");
        ExportVerifier.Result verified = ExportVerifier.verify(text(parts, "export.json"));
        assertTrue(verified.ok(), verified.reason());
        assertEquals(manifest.at("/head/hash").asText(), verified.headHash());
        assertEquals(manifest.at("/head/seq").asLong(), verified.events());
        assertTrue(text(parts, "report.md").contains("## Objectives"), "the after-action report as Markdown");
        assertEquals("quick revocation", JSON.readTree(parts.get("feedback.json")).at("/submissions/0/strengths/0").asText(),
                "the facilitator's view: every answer");
        assertTrue(JSON.readTree(parts.get("feedback.json")).has("summary"));

        User importer = Api.newUser("Ines Importer");
        String archive = importBundle(importer, zip).then().statusCode(201)
                .body("scenario.id", equalTo(SCENARIO)).body("scenario.version", equalTo(0)).body("scenario.reused", equalTo(true))
                .body("sourceRoomId", equalTo(room.toString())).body("headHash", equalTo(manifest.at("/head/hash").asText()))
                .extract().path("archiveId");
        given().auth().oauth2(importer.token()).get("/api/scenarios/" + SCENARIO + "?version=0").then().statusCode(200);
        given().auth().oauth2(importer.token()).get("/api/exercise-bundles").then().statusCode(200)
                .body("id", hasItem(archive)).body("find { it.id == '" + archive + "' }.title", equalTo("Exercise " + SCENARIO));
        given().auth().oauth2(importer.token()).get("/api/exercise-bundles/" + archive).then().statusCode(200)
                .body("manifest.roomId", equalTo(room.toString())).body("manifest.head.seq", equalTo(manifest.at("/head/seq").asInt()))
                .body("report", containsString("## Objectives"));
        byte[] back = given().auth().oauth2(importer.token()).get("/api/exercise-bundles/" + archive + "/zip").then().statusCode(200)
                .contentType("application/zip").extract().asByteArray();
        assertArrayEquals(zip, back);
    }

    @Test
    void import_storesANewScenarioVersion_whenTheTextIsNewHere_andReusesItTheSecondTime() throws Exception {
        // A bundle from another server whose scenario this server has never seen: a fresh id and text, with
        // the manifest made for it (the chain does not cover the scenario text, the manifest's hash does).
        String id = "bundled-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, byte[]> parts = unzip(exportBundle());
        String yaml = text(parts, "scenario.yaml").replaceFirst("(?m)^id: .*$", "id: " + id);
        parts.put("scenario.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        ObjectNode manifest = (ObjectNode) JSON.readTree(parts.get("bundle.json"));
        ((ObjectNode) manifest.get("scenario")).put("id", id).put("version", 7).put("sha256", Sha256.hex(yaml));
        parts.put("bundle.json", JSON.writeValueAsBytes(manifest));
        byte[] bundle = zip(parts);

        User importer = Api.newUser("Ines Importer");
        importBundle(importer, bundle).then().statusCode(201).body("scenario.id", equalTo(id)).body("scenario.version", equalTo(1))
                .body("scenario.reused", equalTo(false));
        given().auth().oauth2(importer.token()).get("/api/scenarios/" + id + "/versions").then().statusCode(200)
                .body("version", equalTo(List.of(1)));
        importBundle(importer, bundle).then().statusCode(201).body("scenario.version", equalTo(1)).body("scenario.reused", equalTo(true));
        given().auth().oauth2(importer.token()).get("/api/exercise-bundles").then().statusCode(200).body("size()", equalTo(2))
                .body("scenario.version", equalTo(List.of(1, 1))).body("sourceScenarioVersion", equalTo(List.of(7, 7)));
    }

    @Test
    void import_refusesATamperedExport_namingIt() throws Exception {
        Map<String, byte[]> parts = unzip(exportBundle());
        ObjectNode export = (ObjectNode) JSON.readTree(parts.get("export.json"));
        for (var event : export.at("/chain/events")) {
            if ("decision.proposed".equals(event.path("kind").asText())) {
                ((ObjectNode) event.get("data")).put("title", "Keep the key");
            }
        }
        parts.put("export.json", JSON.writeValueAsBytes(export));
        refused(zip(parts), "export.json: does not verify: broken at seq");
    }

    @Test
    void import_refusesAnExportThatEndsElsewhere_thanTheManifestsHead() throws Exception {
        Map<String, byte[]> parts = unzip(exportBundle());
        ObjectNode manifest = (ObjectNode) JSON.readTree(parts.get("bundle.json"));
        ((ObjectNode) manifest.get("head")).put("seq", manifest.at("/head/seq").asLong() + 1);
        parts.put("bundle.json", JSON.writeValueAsBytes(manifest));
        refused(zip(parts), "export.json: its chain ends at seq");
    }

    @Test
    void import_refusesATamperedScenario_namingIt() throws Exception {
        Map<String, byte[]> parts = unzip(exportBundle());
        parts.put("scenario.yaml", (text(parts, "scenario.yaml") + "\n# changed\n").getBytes(StandardCharsets.UTF_8));
        refused(zip(parts), "scenario.yaml: its SHA-256 is not the one bundle.json names");
    }

    @Test
    void import_refusesAnInvalidScenario_evenWithAMatchingHash() throws Exception {
        Map<String, byte[]> parts = unzip(exportBundle());
        String yaml = "id: broken\ntitle: no injects\n";
        parts.put("scenario.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        ObjectNode manifest = (ObjectNode) JSON.readTree(parts.get("bundle.json"));
        ((ObjectNode) manifest.get("scenario")).put("sha256", Sha256.hex(yaml));
        parts.put("bundle.json", JSON.writeValueAsBytes(manifest));
        refused(zip(parts), "scenario.yaml: is not a scenario fit to play");
    }

    @Test
    void import_refusesWhatIsNoBundle_withA400NamingThePart() throws Exception {
        refused("just some text".getBytes(StandardCharsets.UTF_8), "the bundle: is not a zip file");
        Map<String, byte[]> parts = unzip(exportBundle());

        Map<String, byte[]> missing = new LinkedHashMap<>(parts);
        missing.remove("feedback.json");
        refused(zip(missing), "feedback.json: is missing from the bundle");

        Map<String, byte[]> extra = new LinkedHashMap<>(parts);
        extra.put("../evil.sh", "rm -rf /".getBytes(StandardCharsets.UTF_8));
        refused(zip(extra), "the bundle: has an entry '../evil.sh'");

        Map<String, byte[]> future = new LinkedHashMap<>(parts);
        ObjectNode manifest = (ObjectNode) JSON.readTree(parts.get("bundle.json"));
        manifest.put("version", 2);
        future.put("bundle.json", JSON.writeValueAsBytes(manifest));
        refused(zip(future), "bundle.json: version 2 is not known here");

        Map<String, byte[]> notJson = new LinkedHashMap<>(parts);
        notJson.put("bundle.json", "{not json".getBytes(StandardCharsets.UTF_8));
        refused(zip(notJson), "bundle.json: is not JSON");

        // A few kilobytes that inflate past the limit (8 MiB in tests): refused while inflating.
        Map<String, byte[]> bomb = new LinkedHashMap<>(parts);
        bomb.put("report.md", new byte[9 * 1024 * 1024]);
        byte[] small = zip(bomb);
        assertTrue(small.length < 1024 * 1024, "under the request body limit");
        refused(small, "report.md: unpacks into more than the 8388608 bytes");
    }

    @Test
    void onlyTheFacilitatorExports_andNeverAnIncident() {
        player.as().get("/api/rooms/" + room + "/bundle").then().statusCode(403).body("error.message", containsString("facilitator"));
        User stranger = Api.newUser("Sam Stranger");
        stranger.as().get("/api/rooms/" + room + "/bundle").then().statusCode(404);
        UUID incident = Api.newIncident(stranger, "Real incident");
        stranger.as().get("/api/rooms/" + incident + "/bundle").then().statusCode(409)
                .body("error.message", containsString("not an exercise"));
    }

    @Test
    void anArchiveIsReadByItsImporterAndAdmins_only_andGuestsCannotImport() {
        byte[] zip = exportBundle();
        importBundle(player, zip).then().statusCode(403);
        User importer = Api.newUser("Ines Importer");
        String archive = importBundle(importer, zip).then().statusCode(201).extract().path("archiveId");

        User other = Api.newUser("Otto Other");
        given().auth().oauth2(other.token()).get("/api/exercise-bundles").then().statusCode(200).body("id", not(hasItem(archive)));
        given().auth().oauth2(other.token()).get("/api/exercise-bundles/" + archive).then().statusCode(404);
        given().auth().oauth2(other.token()).get("/api/exercise-bundles/" + archive + "/zip").then().statusCode(404);
        given().auth().oauth2(player.token()).get("/api/exercise-bundles/" + archive).then().statusCode(403);

        given().auth().oauth2(Api.adminToken()).get("/api/exercise-bundles").then().statusCode(200).body("id", hasItem(archive));
        given().auth().oauth2(Api.adminToken()).get("/api/exercise-bundles/" + archive).then().statusCode(200)
                .body("archive.importedBy", equalTo(importer.id().toString()));
    }

    private static void refused(byte[] bundle, String message) {
        User importer = Api.newUser("Ines Importer");
        importBundle(importer, bundle).then().statusCode(400).body("error.code", equalTo("invalid")).body("error.message", startsWith(message));
        given().auth().oauth2(importer.token()).get("/api/exercise-bundles").then().statusCode(200).body("size()", equalTo(0));
    }

    private static String text(Map<String, byte[]> parts, String name) {
        return new String(parts.get(name), StandardCharsets.UTF_8);
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                parts.put(entry.getName(), in.readAllBytes());
            }
        }
        return parts;
    }

    private static byte[] zip(Map<String, byte[]> parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
