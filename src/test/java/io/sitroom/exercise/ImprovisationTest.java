package io.sitroom.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.sitroom.error.ErrorCode;
import io.sitroom.error.SitroomException;
import io.sitroom.exercise.PlaybackState.InjectChange;
import io.sitroom.role.Role;
import io.sitroom.room.CommandContext;
import io.sitroom.room.DeciderFixtures;
import io.sitroom.room.NewEvent;
import io.sitroom.room.RoomKind;

/** The facilitator's improvisation, decided and played without a framework. */
class ImprovisationTest {

    private static final Scenario DRILL = PlaybackFixtures.DRILL;
    private static final long MIN = 60_000;
    private static final UUID FACILITATOR = UUID.fromString("00000000-0000-0000-0000-0000000000f0");
    private static final Instant T0 = DeciderFixtures.NOW;

    private static final RoomFacts NOTHING = PlaybackFixtures.NOTHING_DECIDED;

    /** Running since {@code T0 - scenarioMs} at 1x, so the scenario time is {@code scenarioMs} at the context's now. */
    private static PlaybackState at(long scenarioMs, Map<String, Long> delivered, Map<String, InjectChange> changes) {
        return new PlaybackState("example-phishing", new ScenarioClock(ExerciseStatus.RUNNING, 1, scenarioMs, T0), delivered, Map.of(),
                changes);
    }

    private static CommandContext facilitator() {
        return DeciderFixtures.incident().kind(RoomKind.EXERCISE).with(FACILITATOR, "Fran", Role.FACILITATOR).as(FACILITATOR);
    }

    /** Applies the decided improvisation events as the projection does, to play them. */
    private static Map<String, InjectChange> apply(Map<String, InjectChange> changes, List<NewEvent> events) {
        Map<String, InjectChange> next = new HashMap<>(changes);
        long seq = 100 + changes.size();
        for (NewEvent e : events) {
            if (e.payload() instanceof ExerciseEvent.InjectAdded a) {
                next.put(a.injectId(), new InjectChange(seq, true, false, a.title(), a.body(), a.to(), a.prompts(), a.atMs(), a.medium()));
            } else if (e.payload() instanceof ExerciseEvent.InjectEdited ed) {
                InjectChange c = next.getOrDefault(ed.injectId(), new InjectChange(seq, false, false, null, null, null, null, null, null));
                next.put(ed.injectId(), new InjectChange(c.seq(), c.added(), c.dropped(), ed.title() == null ? c.title() : ed.title(),
                        ed.body() == null ? c.body() : ed.body(), ed.to() == null ? c.to() : ed.to(), c.prompts(), c.atMs(),
                        ed.medium() == null ? c.medium() : ed.medium()));
            } else if (e.payload() instanceof ExerciseEvent.InjectDropped d) {
                InjectChange c = next.getOrDefault(d.injectId(), new InjectChange(seq, false, false, null, null, null, null, null, null));
                next.put(d.injectId(), new InjectChange(c.seq(), c.added(), true, c.title(), c.body(), c.to(), c.prompts(), c.atMs(), c.medium()));
            } else if (e.payload() instanceof ExerciseEvent.InjectMoved m) {
                InjectChange c = next.getOrDefault(m.injectId(), new InjectChange(seq, false, false, null, null, null, null, null, null));
                next.put(m.injectId(), new InjectChange(c.seq(), c.added(), c.dropped(), c.title(), c.body(), c.to(), c.prompts(), m.atMs(), c.medium()));
            }
        }
        return next;
    }

    private static List<String> delivered(Map<String, InjectChange> changes, Map<String, Long> delivered, long elapsedMs) {
        PlaybackState state = at(0, delivered, changes);
        return PlaybackDecider.due(Improvisation.script(DRILL, changes), state, NOTHING, elapsedMs).stream()
                .filter(e -> e.payload() instanceof ExerciseEvent.InjectDelivered)
                .map(e -> ((ExerciseEvent.InjectDelivered) e.payload()).injectId() + "@" + ((ExerciseEvent.InjectDelivered) e.payload()).scenarioMs())
                .toList();
    }

    @Test
    void everyChange_isForTheFacilitatorOnly() {
        PlaybackState state = at(MIN, Map.of("report", 0L), Map.of());
        List<NewEvent> events = List.of(
                Improvisation.add(new ExerciseCommand.AddInject(null, "Press call", "A reporter calls.", Set.of(Role.LEGAL), null, 10 * MIN, null),
                        facilitator(), DRILL, state).get(0),
                Improvisation.edit(new ExerciseCommand.EditInject("board-asks", null, "The CEO is furious.", null, null, null), facilitator(), DRILL, state)
                        .get(0),
                Improvisation.drop(new ExerciseCommand.DropInject("curveball"), facilitator(), DRILL, state).get(0),
                Improvisation.move(new ExerciseCommand.MoveInject("board-asks", 5 * MIN), facilitator(), DRILL, state).get(0));
        events.forEach(e -> assertEquals(Set.of(Role.FACILITATOR), e.visibleTo(), e.payload().toString()));
        ExerciseEvent.InjectAdded added = (ExerciseEvent.InjectAdded) events.get(0).payload();
        assertEquals("improvised-001", added.injectId());
        assertEquals(MIN, added.scenarioMs(), "stamped with the scenario time it was decided at");
        assertNull(((ExerciseEvent.InjectMoved) events.get(3).payload()).fromMs(), "board-asks was chained (after report): no fixed time");
    }

    @Test
    void anAddedInject_firesAtItsTime_andAManualOne_onlyByHand() {
        PlaybackState state = at(MIN, Map.of("report", 0L), Map.of());
        Map<String, InjectChange> changes = apply(Map.of(), Improvisation.add(
                new ExerciseCommand.AddInject("press", "Press call", "A reporter calls.", Set.of(Role.LEGAL), List.of("Who talks?"), 10 * MIN, null),
                facilitator(), DRILL, state));
        changes = apply(changes, Improvisation.add(new ExerciseCommand.AddInject(null, "Spare", "Kept up the sleeve.", Set.of(Role.LEGAL), null,
                null, null), facilitator(), DRILL, at(MIN, Map.of("report", 0L), changes)));
        assertEquals(List.of("press@600000"), delivered(changes, Map.of("report", 0L), 12 * MIN));
        assertEquals(List.of(), delivered(changes, Map.of("report", 0L), 9 * MIN));
        assertTrue(Improvisation.script(DRILL, changes).inject("improvised-002").orElseThrow().timing() instanceof Scenario.Timing.Manual);
    }

    @Test
    void aMovedInject_firesAtItsNewTime_aDroppedOneNever_andAnEditedOneWithItsNewText() {
        Map<String, Long> delivered = Map.of("report", 0L);
        PlaybackState state = at(MIN, delivered, Map.of());
        Map<String, InjectChange> changes = apply(Map.of(), Improvisation.move(new ExerciseCommand.MoveInject("board-asks", 5 * MIN),
                facilitator(), DRILL, state));
        changes = apply(changes, Improvisation.edit(new ExerciseCommand.EditInject("board-asks", "The CEO calls", null, null, null, null),
                facilitator(), DRILL, at(MIN, delivered, changes)));
        assertEquals(List.of("board-asks@300000"), delivered(changes, delivered, 6 * MIN), "moved from 15 to 5 minutes");
        List<NewEvent> events = PlaybackDecider.due(Improvisation.script(DRILL, changes), at(0, delivered, changes), NOTHING, 6 * MIN);
        ExerciseEvent.InjectDelivered board = (ExerciseEvent.InjectDelivered) events.get(0).payload();
        assertEquals("The CEO calls", board.title());
        assertEquals("The CEO wants a summary.", board.body(), "a field not edited stays as written");

        Map<String, InjectChange> dropped = apply(Map.of(), Improvisation.drop(new ExerciseCommand.DropInject("board-asks"), facilitator(), DRILL,
                state));
        assertEquals(List.of(), delivered(dropped, delivered, 60 * MIN));
        assertNull(PlaybackDecider.nextDueMs(Improvisation.script(DRILL, dropped), at(0, delivered, dropped)),
                "nothing left to fall due by time");
    }

    @Test
    void onlyUpcomingInjects_change_andNeverIntoThePast() {
        Map<String, Long> delivered = Map.of("report", 0L);
        PlaybackState state = at(10 * MIN, delivered, Map.of());
        assertEquals(ErrorCode.CONFLICT, assertThrows(SitroomException.class,
                () -> Improvisation.drop(new ExerciseCommand.DropInject("report"), facilitator(), DRILL, state)).code());
        assertEquals(ErrorCode.NOT_FOUND, assertThrows(SitroomException.class,
                () -> Improvisation.edit(new ExerciseCommand.EditInject("nope", "x", null, null, null, null), facilitator(), DRILL, state)).code());
        assertEquals(ErrorCode.INVALID, assertThrows(SitroomException.class,
                () -> Improvisation.move(new ExerciseCommand.MoveInject("board-asks", 5 * MIN), facilitator(), DRILL, state)).code());
        assertEquals(ErrorCode.CONFLICT, assertThrows(SitroomException.class,
                () -> Improvisation.add(new ExerciseCommand.AddInject("report", "x", "y", Set.of(Role.LEGAL), null, null, null), facilitator(), DRILL,
                        state)).code());
        assertEquals(ErrorCode.INVALID, assertThrows(SitroomException.class,
                () -> Improvisation.add(new ExerciseCommand.AddInject(null, "x", "y", Set.of(Role.SCRIBE), null, null, null), facilitator(), DRILL,
                        state)).code(), "scribe is not a role of this scenario");
        assertEquals(ErrorCode.INVALID, assertThrows(SitroomException.class,
                () -> new ExerciseCommand.EditInject("board-asks", null, null, null, null, null)).code());
        assertEquals(ErrorCode.INVALID, assertThrows(SitroomException.class,
                () -> new ExerciseCommand.AddInject("Bad Id", "x", "y", Set.of(Role.LEGAL), null, null, null)).code());
        PlaybackState ended = new PlaybackState("example-phishing", new ScenarioClock(ExerciseStatus.ENDED, 1, 20 * MIN, null), delivered,
                Map.of(), Map.of());
        assertEquals(ErrorCode.CONFLICT, assertThrows(SitroomException.class,
                () -> Improvisation.drop(new ExerciseCommand.DropInject("curveball"), facilitator(), DRILL, ended)).code());
    }
}
