package io.sitroom.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.sitroom.exercise.PlaybackState.ExpectationState;
import io.sitroom.exercise.PlaybackState.Outcome;
import io.sitroom.error.ErrorCode;
import io.sitroom.error.SitroomException;
import io.sitroom.role.Role;
import io.sitroom.room.CommandContext;
import io.sitroom.room.DeciderFixtures;
import io.sitroom.room.NewEvent;
import io.sitroom.room.RoomKind;

class PlaybackDeciderTest {

    private static final Scenario DRILL = PlaybackFixtures.DRILL;
    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
    private static final long MIN = 60_000;

    private static final RoomFacts NOTHING_DECIDED = PlaybackFixtures.NOTHING_DECIDED;

    private static PlaybackState running(Map<String, Long> delivered, Map<String, ExpectationState> expectations) {
        return new PlaybackState("example-phishing", new ScenarioClock(ExerciseStatus.RUNNING, 1, 0, T0), delivered, expectations);
    }

    private static List<String> kinds(List<NewEvent> events) {
        return events.stream().map(e -> e.payload() instanceof ExerciseEvent.InjectDelivered d ? "deliver:" + d.injectId()
                : e.payload() instanceof ExerciseEvent.ExpectationMissed m ? "miss:" + m.expectationId() : e.payload().getClass().getSimpleName()).toList();
    }

    @Test
    void scenarioClock_runsAtItsSpeed_andStandsStillWhilePaused() {
        ScenarioClock clock = new ScenarioClock(ExerciseStatus.RUNNING, 60, 1000, T0);
        assertEquals(1000 + 120_000, clock.elapsedMs(T0.plusSeconds(2)));
        assertEquals(T0.plusSeconds(2), clock.wallTimeOf(1000 + 120_000));
        ScenarioClock paused = new ScenarioClock(ExerciseStatus.PAUSED, 60, 5000, null);
        assertEquals(5000, paused.elapsedMs(T0.plusSeconds(100)));
        assertNull(paused.wallTimeOf(6000));
    }

    @Test
    void due_catchesUp_inTheOrderThingsFellDue_atTheirPlannedTimes() {
        List<NewEvent> events = PlaybackDecider.due(DRILL, running(Map.of(), Map.of()), NOTHING_DECIDED, 40 * MIN);
        assertEquals(List.of("deliver:report", "miss:name-lead", "deliver:escalation", "deliver:board-asks", "miss:exec-update"), kinds(events));
        ExerciseEvent.InjectDelivered boardAsks = (ExerciseEvent.InjectDelivered) events.get(3).payload();
        assertEquals(15 * MIN, boardAsks.scenarioMs(), "delivered at its planned time, not when the tick came");
        assertEquals(Set.of(Role.EXECUTIVE), events.get(3).visibleTo());
    }

    @Test
    void due_deliversNothing_beforeItsTime_orWhileNotRunning() {
        assertEquals(List.of("deliver:report"), kinds(PlaybackDecider.due(DRILL, running(Map.of(), Map.of()), NOTHING_DECIDED, 0)));
        PlaybackState paused = new PlaybackState("x", new ScenarioClock(ExerciseStatus.PAUSED, 1, 0, null), Map.of(), Map.of());
        assertEquals(List.of(), PlaybackDecider.due(DRILL, paused, NOTHING_DECIDED, 90 * MIN));
    }

    @Test
    void conditionalInject_waitsForItsCondition() {
        PlaybackState afterReport = running(Map.of("report", 0L), Map.of("name-lead", new ExpectationState(Outcome.MET, 5 * MIN)));
        assertEquals(List.of(), PlaybackDecider.due(DRILL, afterReport, NOTHING_DECIDED, MIN));
        RoomFacts accepted = PlaybackFixtures.settled((isAccepted, titleContains) -> isAccepted && "reset".equals(titleContains));
        assertEquals(List.of("deliver:reset-decided"), kinds(PlaybackDecider.due(DRILL, afterReport, accepted, MIN)));
    }

    @Test
    void nextDue_isTheEarliestTimedInject_orDeadline() {
        PlaybackState afterReport = running(Map.of("report", 0L), Map.of("name-lead", new ExpectationState(Outcome.PENDING, 5 * MIN)));
        assertEquals(5 * MIN, PlaybackDecider.nextDueMs(DRILL, afterReport));
        PlaybackState allDone = running(Map.of("report", 0L, "board-asks", 15 * MIN),
                Map.of("name-lead", new ExpectationState(Outcome.MET, 5 * MIN), "exec-update", new ExpectationState(Outcome.MET, 30 * MIN)));
        assertNull(PlaybackDecider.nextDueMs(DRILL, allDone), "only conditional and manual injects remain");
    }

    @Test
    void scenarioTimeIsScaled_soAThousandfoldSpeedPlaysAnHourInAboutFourSeconds() {
        ScenarioClock fast = new ScenarioClock(ExerciseStatus.RUNNING, 1000, 0, T0);
        assertEquals(T0.plus(Duration.ofMillis(3600)), fast.wallTimeOf(60 * MIN));
    }

    @Test
    void respond_isRefusedAlike_forAnInjectOfOtherRoles_anUndeliveredOne_andNoSuchInject() {
        UUID exec = UUID.randomUUID();
        CommandContext asExecutive = DeciderFixtures.incident().kind(RoomKind.EXERCISE).with(exec, "Eve", Role.EXECUTIVE).as(exec);
        // report went to the IC and containment lead; board-asks (the executive's) is not delivered yet.
        PlaybackState state = running(Map.of("report", 0L), Map.of());
        List<SitroomException> refusals = new ArrayList<>();
        for (String injectId : List.of("report", "board-asks", "no-such-inject")) {
            refusals.add(assertThrows(SitroomException.class,
                    () -> PlaybackDecider.respond(new ExerciseCommand.Respond(injectId, "seen"), asExecutive, DRILL, state)));
        }
        for (SitroomException refusal : refusals) {
            assertEquals(ErrorCode.FORBIDDEN, refusal.code());
        }
        assertEquals(List.of("'report' is not an inject delivered to your roles", "'board-asks' is not an inject delivered to your roles",
                "'no-such-inject' is not an inject delivered to your roles"), refusals.stream().map(Throwable::getMessage).toList());
        PlaybackState delivered = running(Map.of("report", 0L, "board-asks", 15 * MIN), Map.of());
        List<NewEvent> answered = PlaybackDecider.respond(new ExerciseCommand.Respond("board-asks", "seen"), asExecutive, DRILL, delivered);
        assertEquals(Set.of(Role.EXECUTIVE), answered.get(0).visibleTo());
    }

    private static PlaybackState ended(long scenarioMs) {
        return new PlaybackState("example-phishing", new ScenarioClock(ExerciseStatus.ENDED, 1, scenarioMs, null), Map.of(), Map.of());
    }

    @Test
    void releaseReport_isForEveryone_atTheScenarioTimeTheExerciseEnded() {
        List<NewEvent> events = PlaybackDecider.releaseReport(ended(42 * MIN), false);
        assertEquals(1, events.size());
        assertEquals(new ExerciseEvent.ReportReleased(42 * MIN), events.get(0).payload());
        assertNull(events.get(0).visibleTo(), "a released report is news for every member");
    }

    @Test
    void releaseReport_isAConflict_whenAlreadyReleased() {
        SitroomException refusal = assertThrows(SitroomException.class, () -> PlaybackDecider.releaseReport(ended(MIN), true));
        assertEquals(ErrorCode.CONFLICT, refusal.code());
        assertEquals("the report has already been released", refusal.getMessage());
    }

    @Test
    void releaseReport_isAConflict_beforeTheExerciseEnded() {
        PlaybackState ready = new PlaybackState("example-phishing", new ScenarioClock(ExerciseStatus.READY, 1, 0, null), Map.of(), Map.of());
        PlaybackState paused = new PlaybackState("example-phishing", new ScenarioClock(ExerciseStatus.PAUSED, 1, MIN, null), Map.of(),
                Map.of());
        for (PlaybackState state : List.of(ready, running(Map.of(), Map.of()), paused)) {
            SitroomException refusal = assertThrows(SitroomException.class, () -> PlaybackDecider.releaseReport(state, false));
            assertEquals(ErrorCode.CONFLICT, refusal.code());
            assertEquals("the report is released after the exercise has ended (it is " + state.status().wire() + ")", refusal.getMessage());
        }
    }
}
