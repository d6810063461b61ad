package io.sitroom.retro;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;
import io.sitroom.testing.WsClient;

@QuarkusTest
class ReplayAndAsScenarioTest {

    private UUID closedIncident(User ic, User exec) {
        UUID room = Api.newIncident(ic, "Leaked deploy key");
        Api.addMember(ic, room, exec, "executive");
        Api.accepted(ic, room, "role.assign", Map.of("userId", exec.id().toString(), "role", "legal"));
        Api.accepted(ic, room, "room.severity", Map.of("severity", "SEV1"));
        Api.accepted(ic, room, "note.add", Map.of("text", "Key found in a public repository"));
        Api.accepted(ic, room, "note.add", Map.of("text", "legal eyes only", "visibleTo", List.of("scribe")));
        Api.accepted(ic, room, "decision.propose", Map.of("title", "Rotate the key", "context", "It is in use by CI",
                "options", List.of("rotate now", "rotate tonight"), "choice", "rotate now", "rationale", "exposure is public",
                "approvers", List.of("legal")));
        Api.accepted(ic, room, "update.post", Map.of("audience", "executive", "summary", "Key leaked", "impact", "None yet"));
        Api.accepted(ic, room, "room.phase", Map.of("phase", "closed"));
        return room;
    }

    @Test
    void replay_streamsAClosedIncidentsLog_readOnly_inOrder() {
        User ic = Api.newUser("Ines");
        User exec = Api.newUser("Erin");
        UUID room = closedIncident(ic, exec);
        long head = Api.headSeq(ic, room);
        try (WsClient replay = WsClient.connect(exec, room, null, "/replay", "speed=1000")) {
            assertEquals("replay", replay.next().path("type").asText());
            replay.send(Map.of("type", "command", "commandId", "x", "name", "note.add", "data", Map.of("text", "no")));
            List<Long> seqs = new ArrayList<>();
            JsonNode frame;
            while (!(frame = replay.nextMatching(f -> !f.path("type").asText().equals("error"))).path("type").asText().equals("replay.end")) {
                seqs.add(frame.path("seq").asLong());
            }
            assertEquals(head, frame.path("lastSeq").asLong());
            assertTrue(seqs.size() < head, "the note only the scribe and IC may see is left out");
            List<Long> sorted = new ArrayList<>(seqs);
            sorted.sort(null);
            assertEquals(sorted, seqs);
        }
        assertEquals(1, Api.events(ic, room, "room.phase_changed").size(), "the replay appended nothing");
    }

    @Test
    void replay_isRefused_whileTheIncidentIsOpen() {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Still open");
        try (WsClient replay = WsClient.connect(ic, room, null, "/replay", null)) {
            JsonNode error = replay.next();
            assertEquals("conflict", error.path("error").path("code").asText());
        }
    }

    @Test
    void closedIncident_becomesAScenarioThatPassesTheLinter() {
        User ic = Api.newUser("Ines");
        User exec = Api.newUser("Erin");
        UUID room = closedIncident(ic, exec);
        String yaml = ic.as().get("/api/rooms/" + room + "/as-scenario").then().statusCode(200)
                .contentType(containsString("yaml"))
                .body(containsString("Decision point: Rotate the key"))
                .body(containsString("Key found in a public repository"))
                .extract().asString();
        assertTrue(!yaml.contains("legal eyes only"), "restricted notes stay out");
        given().auth().oauth2(ic.token()).contentType("application/yaml").body(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/scenarios/validate").then()
                .statusCode(200).body("valid", equalTo(true));
        UUID open = Api.newIncident(ic, "Open");
        ic.as().get("/api/rooms/" + open + "/as-scenario").then().statusCode(409);
    }

    @Test
    void validate_reportsErrorsWithLineAndField() {
        User user = Api.newUser("Val");
        given().auth().oauth2(user.token()).contentType("text/plain").body("id: x\ntitle: [oops\n")
                .post("/api/scenarios/validate").then().statusCode(200)
                .body("valid", equalTo(false)).body("errors[0].line", equalTo(3));
        given().auth().oauth2(user.token()).get("/api/scenarios").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.hasItem("ransomware-friday-night"));
        given().auth().oauth2(user.token()).get("/api/scenarios/ransomware-friday-night").then().statusCode(200)
                .body("injects.size()", org.hamcrest.Matchers.greaterThan(5));
        given().auth().oauth2(user.token()).get("/api/scenarios/nope").then().statusCode(404);
    }

}
