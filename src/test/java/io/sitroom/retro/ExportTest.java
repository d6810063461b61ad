package io.sitroom.retro;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.quarkus.test.junit.QuarkusTest;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;
import io.sitroom.verify.ExportVerifier;

@QuarkusTest
class ExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Incident(UUID room, User ic, User legal, User exec) {
    }

    private static Incident incident() {
        User ic = Api.newUser("Ines");
        User legal = Api.newUser("Lea");
        User exec = Api.newUser("Erin");
        UUID room = Api.newIncident(ic, "Ransomware at the plant");
        Api.addMember(ic, room, legal, "legal");
        Api.addMember(ic, room, exec, "executive");
        Api.accepted(ic, room, "room.severity", Map.of("severity", "SEV1"));
        Api.accepted(legal, room, "note.add", Map.of("text", "privileged: counsel advises caution", "visibleTo", List.of("legal")));
        Api.accepted(ic, room, "decision.propose", Map.of("title", "Isolate the plant network", "choice", "isolate",
                "options", List.of("isolate", "monitor"), "rationale", "encryption is spreading from the historian servers",
                "approvers", List.of("legal")));
        String decisionId = (String) ((Map<?, ?>) Api.events(ic, room, "decision.proposed").get(0).get("data")).get("decisionId");
        Api.accepted(legal, room, "decision.approve", Map.of("decisionId", decisionId));
        Api.accepted(ic, room, "update.post", Map.of("audience", "executive", "summary", "Plant isolated", "impact", "Production stopped"));
        Api.accepted(ic, room, "action.create", Map.of("title", "Restore the historian from backup", "ownerId", ic.id().toString()));
        Api.accepted(ic, room, "note.add", Map.of("text", "lesson: keep the OT network segmented"));
        Api.accepted(ic, room, "room.phase", Map.of("phase", "containment"));
        return new Incident(room, ic, legal, exec);
    }

    @Test
    void markdownAndHtml_coverTheRetrospective_andOnlyWhatTheCallerMaySee() {
        Incident i = incident();
        i.ic().as().get("/api/rooms/" + i.room() + "/export?format=markdown").then().statusCode(200)
                .body(containsString("## Decisions")).body(containsString("Isolate the plant network (accepted)"))
                .body(containsString("## Roles and hand-overs")).body(containsString("## Lessons learned"))
                .body(containsString("keep the OT network segmented")).body(containsString("## Chain"))
                .body(containsString("privileged: counsel advises caution"));
        i.exec().as().get("/api/rooms/" + i.room() + "/export?format=markdown").then().statusCode(200)
                .body(not(containsString("privileged: counsel"))).body(containsString("(not visible to you)"));
        String html = i.ic().as().get("/api/rooms/" + i.room() + "/export?format=html").then().statusCode(200)
                .contentType(containsString("text/html")).extract().asString();
        assertTrue(html.startsWith("<!doctype html>") && html.contains("@media print"));
        assertFalse(html.contains("src=") || html.contains("href="), "self-contained: no external resources");
        i.ic().as().get("/api/rooms/" + i.room() + "/export?format=pdf").then().statusCode(400);
    }

    @Test
    void jsonExport_verifiesOffline_andOneChangedCharacterIsFoundAtItsSeq() throws Exception {
        Incident i = incident();
        for (User who : List.of(i.ic(), i.exec())) {
            String json = who.as().get("/api/rooms/" + i.room() + "/export?format=json").then().statusCode(200)
                    .body("chain.verification.ok", equalTo(true)).body("metrics.timeToContainmentSeconds", notNullValue())
                    .extract().asString();
            ExportVerifier.Result result = ExportVerifier.verify(json);
            assertTrue(result.ok(), result.toString());
            assertEquals(who == i.exec() ? 1 : 0, result.redacted());
        }
        String json = i.ic().as().get("/api/rooms/" + i.room() + "/export?format=json").then().extract().asString();
        long seq = JSON.readTree(json).path("chain").path("events").findParents("kind").stream()
                .filter(e -> "Plant isolated".equals(e.path("data").path("summary").asText())).findFirst().orElseThrow().path("seq").asLong();
        ExportVerifier.Result tampered = ExportVerifier.verify(json.replace("Plant isolated", "Plant isolatex"));
        assertFalse(tampered.ok());
        assertEquals(seq, tampered.firstBadSeq());
    }

    @Test
    void verisExport_validatesAgainstTheOfficialSchema() throws Exception {
        Incident i = incident();
        String veris = i.ic().as().get("/api/rooms/" + i.room() + "/export?format=veris").then().statusCode(200).extract().asString();
        JsonSchema schema;
        try (InputStream in = getClass().getResourceAsStream("/veris/verisc-merged.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
        JsonNode record = JSON.readTree(veris);
        Set<ValidationMessage> errors = schema.validate(record);
        assertEquals(Set.of(), errors);
        assertEquals(i.room().toString(), record.path("incident_id").asText());
        assertEquals("Confirmed", record.path("security_incident").asText());
    }

    @Test
    void metrics_perRoom_andAcrossRooms() {
        Incident i = incident();
        i.ic().as().get("/api/metrics?roomId=" + i.room()).then().statusCode(200)
                .body("timeToFirstExecutiveUpdateSeconds", notNullValue())
                .body("timeToContainmentSeconds", notNullValue())
                .body("decisionLatencySeconds", notNullValue())
                .body("overdueActions", equalTo(0));
        i.ic().as().get("/api/metrics").then().statusCode(200)
                .body("totals.openIncidentsBySeverity.SEV1", equalTo(1))
                .body("rooms.size()", equalTo(1));
        Api.newUser("Stranger").as().get("/api/metrics?roomId=" + i.room()).then().statusCode(404);
        io.restassured.RestAssured.given().get("/q/metrics").then().statusCode(200)
                .body(containsString("sitroom_events_appended_total"))
                .body(containsString("sitroom_connections_open"))
                .body(containsString("sitroom_command_refusals_total"));
    }
}
