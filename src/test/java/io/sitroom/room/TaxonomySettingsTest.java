package io.sitroom.room;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;

/** A deployment with severities and phases of its own (P1 to P5; triage, mitigate, restore, review), end to end. */
@QuarkusTest
@TestProfile(TaxonomySettingsTest.Priorities.class)
class TaxonomySettingsTest {

    public static class Priorities implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sitroom.taxonomy.file", Path.of("src/test/resources", TaxonomyFixtures.PRIORITIES_FILE).toAbsolutePath().toString(),
                    "sitroom.alerts.grouping", "alert");
        }
    }

    @Test
    void clientsAreToldTheList_andAskAgainCheaply() {
        User someone = Api.newUser("Reader");
        JsonPath taxonomy = someone.as().get("/api/taxonomy").then().statusCode(200).header("Cache-Control", containsString("private"))
                .extract().jsonPath();
        assertEquals(List.of("P1", "P2", "P3", "P4", "P5"), taxonomy.getList("severities.id"));
        assertEquals("P1 kritisch", taxonomy.getString("severities[0].name.de"));
        assertEquals(15, taxonomy.getInt("severities[0].updateCadenceMinutes"));
        assertEquals(List.of("triage", "mitigate", "restore", "review", "closed"), taxonomy.getList("phases.id"));
        assertEquals("P4", taxonomy.getString("defaultSeverity"));
        String etag = someone.as().get("/api/taxonomy").header("ETag");
        someone.as().header("If-None-Match", etag).get("/api/taxonomy").then().statusCode(304);
        given().get("/api/taxonomy").then().statusCode(401);
    }

    @Test
    void aRoom_opensAtTheDefaultSeverity_inTheFirstPhase_andMovesOnlyOnTheList() {
        User ic = Api.newUser("IC");
        UUID roomId = UUID.fromString(ic.as().contentType(ContentType.JSON).body(Map.of("kind", "INCIDENT", "title", "Payments API down"))
                .post("/api/rooms").then().statusCode(201).body("severity", equalTo("P4")).body("phase", equalTo("triage")).extract()
                .path("id"));

        Api.accepted(ic, roomId, "room.severity", Map.of("severity", "blocker"));
        Api.accepted(ic, roomId, "room.phase", Map.of("phase", "containment"));
        ic.as().get("/api/rooms/" + roomId).then().body("severity", equalTo("P1")).body("phase", equalTo("mitigate"));
        List<Map<String, Object>> changes = Api.events(ic, roomId, "room.severity_changed", "room.phase_changed");
        assertEquals(Map.of("from", "P4", "to", "P1"), changes.get(0).get("data"));
        assertEquals(Map.of("from", "triage", "to", "mitigate", "contained", true), changes.get(1).get("data"), "the list marks mitigate contained");

        Api.command(ic, roomId, "room.severity", Map.of("severity", "P9")).then().statusCode(400)
                .body("error.message", equalTo("severity must be one of P1, P2, P3, P4, P5, not 'P9'"));
        Api.command(ic, roomId, "room.phase", Map.of("phase", "eradication!")).then().statusCode(400);
        assertEquals(1, Api.events(ic, roomId, "room.severity_changed").size(), "nothing refused was appended");
    }

    @Test
    void openingARoom_withASeverityNotOnTheList_isRefused() {
        User ic = Api.newUser("IC");
        ic.as().contentType(ContentType.JSON).body(Map.of("kind", "INCIDENT", "title", "T", "severity", "critical")).post("/api/rooms")
                .then().statusCode(400).body("error.message", containsString("P1, P2, P3, P4, P5"));
        ic.as().contentType(ContentType.JSON).body(Map.of("kind", "INCIDENT", "title", "T", "severity", "P2")).post("/api/rooms")
                .then().statusCode(201).body("severity", equalTo("P2"));
    }

    @Test
    void theShippedPlaybooks_landOnThePhasesTheirAliasesName() {
        User ic = Api.newUser("IC");
        JsonPath ransomware = ic.as().get("/api/playbooks/ransomware").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("triage", "mitigate", "restore", "review"),
                ransomware.getList("checklist.phase", String.class).stream().distinct().toList());
        String lint = "id: odd\nversion: 1\ntitle: Odd\ndescription: d\nseverity: P9\nroles: [incident_commander]\n"
                + "checklist:\n  hunting:\n    - {id: look, text: Look around, owner: incident_commander}\n";
        JsonPath errors = ic.as().contentType("application/yaml").body(lint.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/playbooks/validate").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("must be one of P1, P2, P3, P4, P5, not 'P9'",
                "'hunting' is not a phase here (triage, mitigate, restore, review)"), errors.getList("errors.message"));
    }

    @Test
    void alertLabels_landOnTheList_byAliasOrByTheirPlaceOnTheUsualScale() {
        User oncall = Api.newUser("On-call");
        String token = given().auth().oauth2(Api.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "Prometheus " + UUID.randomUUID(), "ownerUserId", oncall.id().toString()))
                .post("/api/integrations").then().statusCode(201).body("defaultSeverity", equalTo("P4")).extract().path("token");
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Map<String, Object>> alerts = List.of(alert(run + "-a", "blocker"), alert(run + "-b", "critical"), alert(run + "-c", "warning"),
                alert(run + "-d", "info"));
        JsonPath answer = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("version", "4", "groupKey", "{}:{}", "status", "firing", "alerts", alerts)).post("/api/alerts").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of("P1", "P1", "P4", "P5"), answer.getList("severity"));
    }

    private static Map<String, Object> alert(String fingerprint, String severity) {
        return Map.of("status", "firing", "fingerprint", fingerprint, "labels", Map.of("alertname", "A" + fingerprint, "severity", severity));
    }
}
