package io.sitroom.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.sitroom.role.Role;
import io.sitroom.room.EventTypes;

/** The medium in the inject events: old events (written before media) still decode; a plain inject's data is as before. */
class InjectMediumEventTest {

    private final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
    private final EventTypes types = new EventTypes(List.of(ExerciseEvent.class), mapper);

    private JsonNode json(String text) throws Exception {
        return mapper.readTree(text);
    }

    @Test
    void eventsWrittenBeforeMedia_decodeWithNoMedium() throws Exception {
        assertEquals(new ExerciseEvent.InjectDelivered("report", "Report", "Body", Set.of(Role.LEGAL), List.of("Q?"), 5_000, false, null),
                types.decode("inject.delivered", json("""
                        {"injectId":"report","title":"Report","body":"Body","to":["legal"],"prompts":["Q?"],"scenarioMs":5000,"manual":false}""")));
        assertEquals(new ExerciseEvent.InjectAdded("press", "Press", "Call", Set.of(Role.LEGAL), List.of(), null, 10, null),
                types.decode("inject.added", json("""
                        {"injectId":"press","title":"Press","body":"Call","to":["legal"],"prompts":[],"atMs":null,"scenarioMs":10}""")));
        assertEquals(new ExerciseEvent.InjectEdited("press", "New", null, null, null, 20, null),
                types.decode("inject.edited", json("""
                        {"injectId":"press","title":"New","body":null,"to":null,"prompts":null,"scenarioMs":20}""")));
    }

    @Test
    void aPlainInject_isStoredWithoutAMediumField() {
        JsonNode data = types.toData(new ExerciseEvent.InjectDelivered("report", "Report", "Body", Set.of(Role.LEGAL), List.of(), 0, false, null));
        assertFalse(data.has("medium"), data.toString());
    }

    @Test
    void aMedium_isStoredWithItsKind_andDecodesToTheSameRecord() {
        ExerciseEvent.InjectDelivered delivered = new ExerciseEvent.InjectDelivered("post", "Viral post", "Is @acme down?",
                Set.of(Role.COMMS_APPROVER), List.of(), 60_000, false, new Medium.Social("Jo Customer", "@jo_c", 1200L, 340L, null));
        JsonNode data = types.toData(delivered);
        assertEquals("social", data.get("medium").get("kind").asText());
        assertEquals("jo_c", data.get("medium").get("handle").asText());
        assertEquals(1200, data.get("medium").get("likes").asInt());
        assertFalse(data.get("medium").has("platform"), "an optional field left out is not written: " + data);
        assertEquals(delivered, types.decode("inject.delivered", data));

        for (Medium medium : List.of(new Medium.News("Tagesblatt", "Outage", null),
                new Medium.Email("a@example.com", List.of("b@example.com", "c@example.com"), "Subject", null),
                new Medium.Call("Service desk", "IC", 90L), new Medium.Document(null, "memo.pdf", "internal"))) {
            ExerciseEvent.InjectAdded added = new ExerciseEvent.InjectAdded("x", "T", "B", Set.of(Role.LEGAL), List.of(), 5L, 1, medium);
            assertEquals(added, types.decode("inject.added", types.toData(added)));
        }
    }

    @Test
    void aMediumOfAKindThisVersionDoesNotKnow_leavesTheEventReadable_asUnknown() throws Exception {
        // A newer server's kind: the event is kept (typed as unknown), never a failure to read the log.
        assertEquals(io.sitroom.room.UnknownEvent.class, types.decode("inject.delivered", json("""
                {"injectId":"r","title":"T","body":"B","to":["legal"],"prompts":[],"scenarioMs":0,"manual":false,"medium":{"kind":"fax"}}""")).getClass());
    }
}
