package io.sitroom.comms;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.sitroom.clock.MutableClock;
import io.sitroom.room.Timers;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;
import io.sitroom.testing.WsClient;

@QuarkusTest
class UpdateAndAckFlowTest {

    @Inject
    MutableClock clock;

    @Inject
    Timers timers;

    private static Map<String, Object> executiveUpdate() {
        return Map.of("audience", "executive", "summary", "Ransomware on two file servers, contained",
                "impact", "Invoicing is down for about four hours", "decisionNeeded", "Approve the customer notice");
    }

    @Test
    void executiveUpdate_reachesExecutives_andNeverOtherRoles() {
        User ic = Api.newUser("Ines");
        User exec = Api.newUser("Erin");
        User eng = Api.newUser("Eli");
        UUID room = Api.newIncident(ic, "Audience");
        Api.addMember(ic, room, exec, "executive");
        Api.addMember(ic, room, eng, "containment_lead");
        try (WsClient execWs = WsClient.connect(exec, room, null); WsClient engWs = WsClient.connect(eng, room, null)) {
            execWs.next("welcome");
            engWs.next("welcome");
            Api.accepted(ic, room, "update.post", executiveUpdate());
            Api.accepted(ic, room, "update.post", Map.of("audience", "engineering", "summary", "Encryptor stopped",
                    "rootCause", "Exposed RDP", "fixOptions", "Close RDP; rotate credentials"));
            JsonNode seenByExec = execWs.nextMatching(f -> f.path("kind").asText().equals("update.posted"));
            assertEquals("executive", seenByExec.path("data").path("audience").asText());
            assertEquals("Invoicing is down for about four hours", seenByExec.path("data").path("impact").asText());
            JsonNode seenByEng = engWs.nextMatching(f -> f.path("kind").asText().equals("update.posted"));
            assertEquals("engineering", seenByEng.path("data").path("audience").asText());
            // A note after both updates: once the executive has it, everything before it has arrived.
            long sentinel = Api.accepted(ic, room, "note.add", Map.of("text", "sentinel"));
            List<JsonNode> untilSentinel = execWs.eventsUpTo(sentinel);
            assertTrue(untilSentinel.stream().noneMatch(e -> e.path("kind").asText().equals("update.posted")),
                    "the engineering update never reaches the executive");
            assertTrue(untilSentinel.stream().anyMatch(e -> e.path("kind").asText().equals("update.rescheduled")),
                    "but everyone learns when the next update is due");
        }
        exec.as().get("/api/rooms/" + room + "/updates").then().body("audience", contains("executive"));
        eng.as().get("/api/rooms/" + room + "/updates").then().body("audience", contains("engineering"));
        ic.as().get("/api/rooms/" + room + "/updates").then().body("audience", contains("engineering", "executive"));
        exec.as().get("/api/rooms/" + room).then().body("updates", hasSize(1)).body("updates[0].data.decisionNeeded",
                equalTo("Approve the customer notice"));
    }

    @Test
    void missedUpdateCadence_appendsUpdateOverdue_andAPostedUpdateResetsIt() {
        User ic = Api.newUser("Ines");
        String id = ic.as().body(Map.of("kind", "INCIDENT", "title", "Cadence", "severity", "SEV1")).post("/api/rooms")
                .then().statusCode(201).body("nextUpdateDue", notNullValue()).extract().path("id");
        UUID room = UUID.fromString(id);
        clock.advance(Duration.ofMinutes(20));
        Api.accepted(ic, room, "update.post", Map.of("audience", "all", "summary", "Investigating"));
        clock.advance(Duration.ofMinutes(20));
        timers.fireDue();
        assertEquals(0, Api.events(ic, room, "update.overdue").size(), "the update reset the 30-minute cadence");
        clock.advance(Duration.ofMinutes(11));
        timers.fireDue();
        timers.fireDue();
        List<Map<String, Object>> overdue = Api.events(ic, room, "update.overdue");
        assertEquals(1, overdue.size());
        assertEquals("SEV1", ((Map<?, ?>) overdue.get(0).get("data")).get("severity"));
    }

    @Test
    void acknowledgement_staysOpenUntilEveryRole_andSilenceIsReportedToTheIc() {
        User ic = Api.newUser("Ines");
        User legal = Api.newUser("Lea");
        User comms = Api.newUser("Cora");
        UUID room = Api.newIncident(ic, "Acks");
        Api.addMember(ic, room, legal, "legal");
        Api.addMember(ic, room, comms, "comms_approver");
        long about = Api.accepted(ic, room, "note.add", Map.of("text", "We will notify the regulator within 72 hours"));
        Api.accepted(ic, room, "ack.request", Map.of("about", about, "roles", List.of("legal", "comms_approver")));
        String ackId = (String) ((Map<?, ?>) Api.events(ic, room, "ack.requested").get(0).get("data")).get("ackId");

        Api.accepted(legal, room, "ack.give", Map.of("ackId", ackId));
        Api.command(legal, room, "ack.give", Map.of("ackId", ackId)).then().statusCode(409);
        ic.as().get("/api/rooms/" + room).then().body("acks[0].pending", contains("comms_approver"));

        clock.advance(Duration.ofMinutes(16));
        timers.fireDue();
        assertEquals(1, Api.events(ic, room, "ack.overdue").size());
        assertEquals(1, Api.events(legal, room, "ack.overdue").size(), "the whole room sees the silence, those who owe it too");
        ic.as().get("/api/rooms/" + room + "/acks").then().body("[0].overdue", equalTo(true));
    }
}
