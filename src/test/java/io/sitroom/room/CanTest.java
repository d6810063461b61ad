package io.sitroom.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;
import io.sitroom.testing.WsClient;

/** The snapshot and the welcome tell each member what they may issue now ({@code can}), from the commands' declared authority. */
@QuarkusTest
class CanTest {

    @Inject
    CommandCatalog catalog;

    private static List<String> privileged(User user, UUID room) {
        return user.as().get("/api/rooms/" + room).then().statusCode(200).extract().jsonPath().getList("privileged");
    }

    private static List<String> can(User user, UUID room) {
        return user.as().get("/api/rooms/" + room).then().statusCode(200).extract().jsonPath().getList("can");
    }

    @Test
    void theIncidentCommander_canLeadTheRoom_butNotRunAnExercise() {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Can");
        List<String> can = can(ic, room);
        assertTrue(can.containsAll(List.of("room.phase", "room.severity", "member.add", "role.assign", "invite.create", "note.add",
                "decision.propose", "ack.request")), can.toString());
        assertFalse(can.stream().anyMatch(c -> c.startsWith("exercise.") || c.equals("inject.respond")), can.toString());
    }

    @Test
    void anObserver_canOnlyWhatItsContentMayAllow() {
        User ic = Api.newUser("Ines");
        User observer = Api.newUser("Otto");
        UUID room = Api.newIncident(ic, "Can observe");
        Api.addMember(ic, room, observer, "observer");
        // Content decides these: a decision naming the observer's role, an action it owns, a role it holds, an ack asked of it,
        // a checklist item its role owns or it was assigned.
        assertEquals(List.of("ack.give", "action.track", "action.update", "checklist.check", "checklist.skip", "checklist.uncheck", "decision.approve",
                "decision.reject", "role.handover", "role.release"),
                can(observer, room));
        assertEquals(List.of(), privileged(observer, room), "none of them for any item");
        assertTrue(privileged(ic, room).containsAll(List.of("action.update", "role.release", "role.handover")), "the IC: for every item");
    }

    @Test
    void can_isExactlyWhatTheDeclaredAuthorityAllows_forEveryRole() {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Every role");
        for (io.sitroom.role.Role role : io.sitroom.role.Role.values()) {
            if (!RoomKind.INCIDENT.has(role) || role == io.sitroom.role.Role.INCIDENT_COMMANDER) {
                continue;
            }
            User member = Api.newUser("Only " + role);
            Api.addMember(ic, room, member, role.wire());
            List<String> expected = new ArrayList<>();
            for (CommandType<?> type : catalog.types()) {
                if (type.authority().existsIn(RoomKind.INCIDENT)
                        && (type.authority().byContent() || type.authority().rolesIn(RoomKind.INCIDENT).contains(role))) {
                    expected.add(type.name());
                }
            }
            assertEquals(expected.stream().sorted().toList(), can(member, room), role.wire());
        }
    }

    @Test
    void aLiveMember_isWelcomedAgain_whenItsRolesChange_andToldWhatItMayIssue_whenThePhaseChanges() {
        User ic = Api.newUser("Ines");
        User lea = Api.newUser("Lea");
        UUID room = Api.newIncident(ic, "Can follows");
        Api.addMember(ic, room, lea, "observer");
        Api.accepted(ic, room, "note.add", Map.of("text", "counsel's eyes only", "visibleTo", List.of("legal")));
        try (WsClient ws = WsClient.connect(lea, room, null)) {
            ws.next("welcome");
            long assigned = Api.accepted(ic, room, "role.assign", Map.of("userId", lea.id().toString(), "role", "legal"));
            JsonNode resync = ws.next("resync");
            assertTrue(resync.path("seq").asLong() >= assigned, "a snapshot taken after the role changed");
            assertEquals(can(lea, room).toString(), strings(resync.path("room").path("can")).toString(), "it says what the snapshot says");
            assertTrue(strings(resync.path("room").path("can")).contains("statement.approve"));
            assertEquals("counsel's eyes only", resync.path("room").path("notes").path(0).path("text").asText(),
                    "what the new role sees from before arrives with it");
            long closed = Api.accepted(ic, room, "room.phase", Map.of("phase", "closed"));
            JsonNode afterClose = ws.next("can");
            assertEquals(closed, afterClose.path("seq").asLong());
            assertEquals(CLOSED_LEGAL, strings(afterClose.path("can")), "a closed room: only legal's record keeping");
        }
    }

    /** What legal may still do in a closed room: erasure requests come, and holds are placed, long after the incident. */
    private static final List<String> CLOSED_LEGAL = List.of("erasure.request", "room.hold", "room.release_hold");

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asText()));
        return values;
    }

    @Test
    void aClosedRoom_offersOnlyReopening_andLegalsRecordKeeping_andTheWelcomeSaysSo() {
        User ic = Api.newUser("Ines");
        User legal = Api.newUser("Lea");
        UUID room = Api.newIncident(ic, "Closed");
        Api.addMember(ic, room, legal, "legal");
        Api.accepted(ic, room, "room.phase", Map.of("phase", "closed"));
        assertEquals(List.of("room.phase"), can(ic, room));
        assertEquals(CLOSED_LEGAL, can(legal, room));
        try (WsClient ws = WsClient.connect(ic, room, null)) {
            JsonNode welcome = ws.next("welcome");
            assertEquals("[\"room.phase\"]", welcome.path("room").path("can").toString());
        }
        assertEquals(409, Api.command(legal, room, "note.add", Map.of("text", "too late")).statusCode());
    }
}
