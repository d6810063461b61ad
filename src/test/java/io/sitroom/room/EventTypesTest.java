package io.sitroom.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.sitroom.role.Role;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;

/** The registry of event kinds: stored events decode into their records; what it cannot read stays readable, typed as unknown. */
@QuarkusTest
class EventTypesTest {

    @Inject
    EventTypes types;

    @Inject
    EventLog log;

    @Inject
    ObjectMapper mapper;

    @Test
    void storedEvents_decodeIntoTheirRecords() {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Typed");
        Api.accepted(ic, room, "note.add", Map.of("text", "privileged", "visibleTo", List.of("legal")));
        List<RecordedEvent> events = QuarkusTransaction.requiringNew().call(() -> log.all(room));
        assertInstanceOf(RoomEvent.RoomCreated.class, events.get(0).payload());
        assertEquals(new RoomEvent.MemberAdded(ic.id(), "Ines", Set.of(Role.INCIDENT_COMMANDER),
                Map.of(ic.id(), Set.of(Role.INCIDENT_COMMANDER)), null), events.get(1).payload());
        assertEquals(new RoomEvent.NoteAdded("privileged", Set.of(Role.LEGAL)), events.get(2).payload());
        assertEquals("note.added", events.get(2).kind());
    }

    @Test
    void everyRecord_roundTrips_throughItsStoredForm() {
        RoomEvent.NoteAdded note = new RoomEvent.NoteAdded("text with \"quotes\"", null);
        assertEquals(note, types.decode(types.kindOf(note), types.toData(note)));
        assertEquals(List.of("text", "visibleTo"), iterator(types.toData(note).fieldNames()), "only the record's components are stored");
        assertTrue(types.kinds().containsAll(List.of("room.created", "member.added", "role.handed_over", "decision.proposed",
                "action.created", "update.posted", "statement.published", "ack.given", "inject.delivered", "expectation.missed",
                "invite.created", "alert.received", "alert.resolved")), "every feature's events are registered: " + types.kinds());
    }

    private static List<String> iterator(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    @Test
    void anUnknownKind_decodesToAnUnknownEvent_keepingItsData() {
        var data = mapper.valueToTree(Map.of("severity", "SEV0"));
        EventPayload payload = types.decode("room.teleported", data);
        assertEquals(new UnknownEvent("room.teleported", data), payload);
    }

    @Test
    void dataThatNoLongerFitsItsRecord_decodesToAnUnknownEvent() {
        var data = mapper.valueToTree(Map.of("from", "SEV 9!", "to", "nope"));
        assertInstanceOf(UnknownEvent.class, types.decode("room.severity_changed", data));
    }

    @Test
    void aRecordWithoutItsKind_isRefusedByTheRegistry() {
        record Unnamed(String x) implements EventPayload {
        }
        assertThrows(IllegalStateException.class, () -> new EventTypes(List.of(Unnamed.class), mapper));
        assertThrows(IllegalStateException.class, () -> types.kindOf(new Unnamed("x")));
    }
}
