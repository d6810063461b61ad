package io.sitroom.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.sitroom.error.ErrorCode;
import io.sitroom.error.SitroomException;
import io.sitroom.role.Role;
import io.sitroom.room.NewEvent;

/** The feedback form's decider and the report's appendix, without a framework. */
class FeedbackDeciderTest {

    private static final Scenario SCENARIO = new Scenario("drill", "Drill", "A drill.", null, Set.of(Role.LEGAL, Role.EXECUTIVE),
            List.of(new Scenario.Objective("lead", "Name a lead", "Operational Coordination"),
                    new Scenario.Objective("decide", "Decide with legal", "Planning")),
            List.of(), List.of());

    private static FeedbackCommand.Submit submit(Map<String, Integer> ratings) {
        return new FeedbackCommand.Submit(List.of("clear roles"), null, ratings, null);
    }

    @Test
    void open_namesTheObjectives_forEveryone_onceTheExerciseHasStarted() {
        List<NewEvent> events = FeedbackDecider.open(ExerciseStatus.ENDED, null, SCENARIO);
        assertEquals(new FeedbackEvent.Opened(List.of("lead", "decide")), events.get(0).payload());
        assertNull(events.get(0).visibleTo());
        assertEquals(ErrorCode.CONFLICT, assertThrows(SitroomException.class,
                () -> FeedbackDecider.open(ExerciseStatus.READY, null, SCENARIO)).code());
        assertEquals(ErrorCode.CONFLICT, assertThrows(SitroomException.class,
                () -> FeedbackDecider.open(ExerciseStatus.RUNNING, FeedbackStatus.OPEN, SCENARIO)).code());
        assertEquals(1, FeedbackDecider.open(ExerciseStatus.ENDED, FeedbackStatus.CLOSED, SCENARIO).size(), "a closed form opens again");
    }

    @Test
    void submit_isForTheFacilitatorsEyes_andNamesTheSubmissionItReplaces() {
        NewEvent event = FeedbackDecider.submit(submit(Map.of("decide", 4)), FeedbackStatus.OPEN, SCENARIO, 12L).get(0);
        assertEquals(Set.of(Role.FACILITATOR), event.visibleTo());
        assertEquals(12L, ((FeedbackEvent.Submitted) event.payload()).replacesSeq());
    }

    @Test
    void submit_isRefused_whenTheFormIsNotOpen_orAnObjectiveIsNotTheScenarios() {
        assertEquals(ErrorCode.CONFLICT, assertThrows(SitroomException.class,
                () -> FeedbackDecider.submit(submit(Map.of()), FeedbackStatus.CLOSED, SCENARIO, null)).code());
        assertEquals(ErrorCode.CONFLICT, assertThrows(SitroomException.class,
                () -> FeedbackDecider.submit(submit(Map.of()), null, SCENARIO, null)).code());
        assertEquals(ErrorCode.INVALID, assertThrows(SitroomException.class,
                () -> FeedbackDecider.submit(submit(Map.of("inform", 3)), FeedbackStatus.OPEN, SCENARIO, null)).code());
        assertEquals(ErrorCode.INVALID, assertThrows(SitroomException.class, () -> submit(Map.of("lead", 0))).code());
        assertEquals(ErrorCode.INVALID, assertThrows(SitroomException.class,
                () -> new FeedbackCommand.Submit(List.of(" "), List.of(), Map.of(), " ")).code());
    }

    @Test
    void theSummary_averagesAndCounts_andGivesTextsByRole_toTheFacilitatorOnly() {
        List<FeedbackSummary.Answer> answers = List.of(
                new FeedbackSummary.Answer(Set.of(Role.LEGAL), new FeedbackEvent.Submitted(List.of("counsel early"), List.of(), Map.of("decide", 5),
                        null, null)),
                new FeedbackSummary.Answer(Set.of(Role.EXECUTIVE, Role.SCRIBE), new FeedbackEvent.Submitted(List.of(), List.of("late updates"),
                        Map.of("decide", 2, "lead", 3), "ok", null)));
        FeedbackSummary whole = FeedbackSummary.of(FeedbackStatus.CLOSED, SCENARIO, answers, 3, true);
        assertEquals(2, whole.respondents());
        assertEquals(3.5, whole.objectives().get(1).average());
        assertEquals(List.of(0, 1, 0, 0, 1), whole.objectives().get(1).distribution());
        assertEquals(List.of(new FeedbackSummary.Attributed("executive, scribe", "late updates")), whole.improvements());
        FeedbackSummary players = FeedbackSummary.of(FeedbackStatus.CLOSED, SCENARIO, answers, 3, false);
        assertNull(players.strengths());
        assertNull(players.comments());
        assertEquals(3.0, players.objectives().get(0).average());
    }
}
