package io.sitroom.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.sitroom.action.ActionEvent;
import io.sitroom.action.ActionStatus;
import io.sitroom.comms.Audience;
import io.sitroom.comms.CommsEvent;
import io.sitroom.decision.DecisionEvent;
import io.sitroom.exercise.ExerciseEvent;
import io.sitroom.role.Role;
import io.sitroom.room.EventPayload;
import io.sitroom.room.Phase;
import io.sitroom.room.RoomEvent;
import io.sitroom.room.RoomKind;
import io.sitroom.room.Severity;
import io.sitroom.room.Taxonomy;

/** The fold of events into a room's tally, and the metrics and totals derived from tallies: pure, no Quarkus. */
class MetricsFoldTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    /** A room's events folded one by one, at times after T0, with facts kept as a test's maps. */
    private static final class Room implements MetricsFold.Facts {

        MetricsTally tally = MetricsTally.EMPTY;
        Taxonomy taxonomy = Taxonomy.defaults();
        long seq;
        final Map<UUID, Instant> ackRequests = new HashMap<>();
        final Map<UUID, Instant> proposals = new HashMap<>();
        final Map<UUID, MetricsFold.Action> actions = new HashMap<>();
        final Map<String, Integer> expectations = new HashMap<>();
        final List<Object[]> doneAt = new ArrayList<>();

        Room at(long seconds, EventPayload payload) {
            seq++;
            Instant at = T0.plusSeconds(seconds);
            tally = MetricsFold.apply(tally, seq, at, payload, this);
            if (payload instanceof ActionEvent.Updated u && u.to() == ActionStatus.DONE) {
                doneAt.add(new Object[] { u.actionId(), seq, at });
            }
            return this;
        }

        @Override
        public boolean contained(Phase phase) {
            return taxonomy.contained(phase);
        }

        @Override
        public Instant ackRequestedAt(UUID ackId) {
            return ackRequests.get(ackId);
        }

        @Override
        public Instant decisionProposedAt(UUID decisionId) {
            return proposals.get(decisionId);
        }

        @Override
        public MetricsFold.Action action(UUID actionId) {
            return actions.get(actionId);
        }

        @Override
        public Instant lastDoneAt(UUID actionId, long beforeSeq) {
            Instant last = null;
            for (Object[] d : doneAt) {
                if (d[0].equals(actionId) && (long) d[1] < beforeSeq) {
                    last = (Instant) d[2];
                }
            }
            return last;
        }

        @Override
        public int expectationsOf(String injectId) {
            return expectations.getOrDefault(injectId, 0);
        }
    }

    /** A phase change as recorded before the event said whether it contains: the fold asks the taxonomy. */
    private static RoomEvent.PhaseChanged phase(Phase from, Phase to) {
        return new RoomEvent.PhaseChanged(from, to, null);
    }

    private static CommsEvent.UpdatePosted update(Audience audience) {
        return new CommsEvent.UpdatePosted(audience, "summary", null, null, null, null, null, null, null, null, null, null, null);
    }

    private static ActionEvent.Updated updated(UUID action, ActionStatus from, ActionStatus to) {
        return new ActionEvent.Updated(action, from, to, null);
    }

    private static ActionEvent.Overdue overdue(UUID action, ActionStatus status) {
        return new ActionEvent.Overdue(action, "an action", T0, null, Role.INCIDENT_COMMANDER, status);
    }

    @Test
    void phaseChanges_keepTheFirstClosureAndContainment_whenTheRoomIsReopenedAndClosedAgain() {
        Room room = new Room().at(10, phase(Phase.DETECTION, Phase.ANALYSIS)).at(20, phase(Phase.ANALYSIS, Phase.ERADICATION))
                .at(30, phase(Phase.ERADICATION, Phase.CLOSED)).at(40, phase(Phase.CLOSED, Phase.ANALYSIS))
                .at(50, phase(Phase.ANALYSIS, Phase.CONTAINMENT)).at(60, phase(Phase.CONTAINMENT, Phase.CLOSED));
        assertEquals(T0.plusSeconds(20), room.tally.containedAt(), "eradication is past containment in phase order: the first such phase");
        assertEquals(T0.plusSeconds(30), room.tally.closedAt());
    }

    @Test
    void containment_startsAtThePhaseTheDeploymentMarks() {
        Room room = new Room();
        room.taxonomy = io.sitroom.room.TaxonomyFixtures.priorities();
        room.at(10, phase(Phase.of("triage"), Phase.of("mitigate"))).at(20, phase(Phase.of("mitigate"), Phase.of("review")));
        assertEquals(T0.plusSeconds(10), room.tally.containedAt());
        Room before = new Room();
        before.taxonomy = io.sitroom.room.TaxonomyFixtures.priorities();
        assertNull(before.at(10, phase(Phase.ANALYSIS, Phase.of("triage"))).tally.containedAt());
    }

    @Test
    void containment_isWhatThePhaseChangeRecorded_notWhatTheTaxonomySaysToday() {
        Room room = new Room(); // today's taxonomy is the default: "mitigate" is not one of its phases, "containment" is contained
        room.at(10, new RoomEvent.PhaseChanged(Phase.ANALYSIS, Phase.CONTAINMENT, false))
                .at(20, new RoomEvent.PhaseChanged(Phase.CONTAINMENT, Phase.of("mitigate"), true));
        assertEquals(T0.plusSeconds(20), room.tally.containedAt());
    }

    @Test
    void phaseChanges_leaveContainmentUnset_whileTheRoomStaysBeforeContainment() {
        Room room = new Room().at(10, phase(Phase.DETECTION, Phase.ANALYSIS)).at(20, phase(Phase.ANALYSIS, Phase.DETECTION));
        assertNull(room.tally.containedAt());
        assertNull(room.tally.closedAt());
    }

    @Test
    void updates_setTheFirstExecutiveUpdate_andOtherAudiencesDoNot() {
        Room room = new Room().at(5, update(Audience.ALL)).at(7, update(Audience.ENGINEERING)).at(9, update(Audience.EXECUTIVE))
                .at(11, update(Audience.EXECUTIVE));
        assertEquals(T0.plusSeconds(9), room.tally.firstExecutiveUpdateAt());
    }

    @Test
    void acknowledgements_countFromRequestToTheAnswerThatLeavesNothingPending() {
        Room room = new Room();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        room.ackRequests.put(first, T0.plusSeconds(100));
        room.ackRequests.put(second, T0.plusSeconds(200));
        room.at(110, new CommsEvent.AckGiven(first, Set.of(Role.LEGAL), Set.of(Role.EXECUTIVE)))
                .at(130, new CommsEvent.AckGiven(first, Set.of(Role.EXECUTIVE), Set.of()))
                .at(205, new CommsEvent.AckGiven(second, Set.of(Role.LEGAL), Set.of(Role.EXECUTIVE)));
        assertEquals(new MetricsTally.Mean(1, 30_000), room.tally.acknowledge(), "the second request is still pending");
        room.at(260, new CommsEvent.AckGiven(second, Set.of(Role.EXECUTIVE), Set.of()));
        assertEquals(new MetricsTally.Mean(2, 90_000), room.tally.acknowledge());
        assertEquals(45L, room.tally.acknowledge().seconds());
    }

    @Test
    void acceptedDecisions_addTheirTimeFromProposal() {
        Room room = new Room();
        UUID decision = UUID.randomUUID();
        room.proposals.put(decision, T0.plusMillis(1_500));
        room.at(3, new DecisionEvent.Accepted(decision, List.of()));
        assertEquals(new MetricsTally.Mean(1, 1_500), room.tally.decisionLatency());
        assertEquals(2L, room.tally.decisionLatency().seconds(), "1.5 s rounds to 2");
    }

    @Test
    void overdueActions_countWhileOpen_andAgainWhenReopened() {
        Room room = new Room();
        UUID action = UUID.randomUUID();
        room.actions.put(action, new MetricsFold.Action(T0, null, false));
        room.at(10, updated(action, ActionStatus.OPEN, ActionStatus.IN_PROGRESS));
        assertEquals(0, room.tally.overdueActions(), "not overdue yet: its status changes do not count");
        room.at(20, overdue(action, ActionStatus.IN_PROGRESS));
        room.actions.put(action, new MetricsFold.Action(T0, null, true));
        assertEquals(1, room.tally.overdueActions());
        room.at(30, updated(action, ActionStatus.IN_PROGRESS, ActionStatus.BLOCKED));
        assertEquals(1, room.tally.overdueActions(), "blocked is still open");
        room.at(40, updated(action, ActionStatus.BLOCKED, ActionStatus.DONE));
        assertEquals(0, room.tally.overdueActions());
        room.at(50, updated(action, ActionStatus.DONE, ActionStatus.OPEN));
        assertEquals(1, room.tally.overdueActions());
        room.at(60, updated(action, ActionStatus.OPEN, ActionStatus.CANCELLED));
        assertEquals(0, room.tally.overdueActions());
    }

    @Test
    void highRiskActions_meanIsOverThoseDoneNow_eachUntilItWasLastDone() {
        Room room = new Room();
        UUID high = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID low = UUID.randomUUID();
        room.actions.put(high, new MetricsFold.Action(T0, MetricsFold.HIGH_RISK, false));
        room.actions.put(other, new MetricsFold.Action(T0.plusSeconds(100), 625, false));
        room.actions.put(low, new MetricsFold.Action(T0, MetricsFold.HIGH_RISK - 1, false));
        room.at(50, updated(high, ActionStatus.OPEN, ActionStatus.DONE)).at(60, updated(low, ActionStatus.OPEN, ActionStatus.DONE));
        assertEquals(new MetricsTally.Mean(1, 50_000), room.tally.highRiskClose(), "risk 99 is not high");
        room.at(70, updated(high, ActionStatus.DONE, ActionStatus.OPEN));
        assertEquals(MetricsTally.Mean.NONE, room.tally.highRiskClose(), "reopened: no longer done");
        room.at(90, updated(high, ActionStatus.OPEN, ActionStatus.DONE)).at(400, updated(other, ActionStatus.OPEN, ActionStatus.CANCELLED));
        assertEquals(new MetricsTally.Mean(1, 90_000), room.tally.highRiskClose(), "cancelled is not done");
        room.at(500, updated(other, ActionStatus.CANCELLED, ActionStatus.DONE));
        assertEquals(new MetricsTally.Mean(2, 490_000), room.tally.highRiskClose());
        room.at(600, updated(high, ActionStatus.DONE, ActionStatus.CANCELLED));
        assertEquals(new MetricsTally.Mean(1, 400_000), room.tally.highRiskClose(), "leaving done takes off the time it was done at (90 s)");
    }

    @Test
    void exerciseEvents_countExpectationsTriggeredAtDelivery_metWhenMet_andTheEnd() {
        Room room = new Room();
        room.expectations.put("i1", 2);
        room.expectations.put("i2", 1);
        room.at(10, new ExerciseEvent.InjectDelivered("i1", "t", "b", Set.of(Role.LEGAL), List.of(), 0, false, null))
                .at(20, new ExerciseEvent.ExpectationMet("e1", "i1", Role.LEGAL, "note.add", 5, 10_000))
                .at(30, new ExerciseEvent.InjectDelivered("i2", "t", "b", Set.of(Role.LEGAL), List.of(), 20_000, true, null))
                .at(40, new ExerciseEvent.ExpectationMissed("e2", "i1", Role.LEGAL, "note.add", 30_000))
                .at(50, new ExerciseEvent.Ended(40_000));
        assertEquals(1, room.tally.expectationsMet());
        assertEquals(3, room.tally.expectationsTriggered(), "pending and missed expectations count as triggered");
        assertEquals(T0.plusSeconds(50), room.tally.exerciseEndedAt());
    }

    @Test
    void otherEvents_areNotOfConcern_andChangeNothing() {
        EventPayload note = new RoomEvent.NoteAdded("hello", null);
        assertFalse(MetricsFold.concerns(note));
        assertTrue(MetricsFold.concerns(phase(Phase.DETECTION, Phase.ANALYSIS)));
        assertEquals(MetricsTally.EMPTY, new Room().at(1, note).tally);
    }

    private static RoomMetrics.RoomInfo room(RoomKind kind, Severity severity, Phase phase) {
        return new RoomMetrics.RoomInfo(UUID.randomUUID(), kind, "a room", severity, phase, T0.plusNanos(400_000_000));
    }

    @Test
    void roomMetrics_cutDurationsToWholeSeconds_andAreNull_forWhatNeverHappened() {
        MetricsTally t = MetricsTally.EMPTY.withContainedAt(T0.plusMillis(61_399)).withClosedAt(T0.plusSeconds(3600));
        RoomMetrics m = RoomMetrics.of(room(RoomKind.INCIDENT, Severity.SEV2, Phase.CLOSED), t, new RoomMetrics.OpenExceptions(0, null),
                T0.plusSeconds(7200));
        assertEquals(60L, m.timeToContainmentSeconds(), "60.999 s from opening is 60 s");
        assertEquals("2026-03-01T11:00:00.000Z", m.closedAt());
        assertEquals("2026-03-01T10:00:00.400Z", m.openedAt());
        assertNull(m.timeToFirstExecutiveUpdateSeconds());
        assertNull(m.timeToAcknowledgeSeconds());
        assertNull(m.decisionLatencySeconds());
        assertNull(m.meanTimeToCloseHighRiskActionsSeconds());
        assertNull(m.oldestOpenExceptionAgeSeconds());
        assertNull(m.exerciseScore(), "incidents have no exercise score");
    }

    @Test
    void roomMetrics_ageTheOldestOpenException_fromItsAcceptanceToNow() {
        RoomMetrics m = RoomMetrics.of(room(RoomKind.INCIDENT, Severity.SEV2, Phase.ANALYSIS), MetricsTally.EMPTY,
                new RoomMetrics.OpenExceptions(2, T0.plusSeconds(100)), T0.plusSeconds(1000));
        assertEquals(2, m.openExceptions());
        assertEquals(900L, m.oldestOpenExceptionAgeSeconds());
    }

    @Test
    void exerciseScore_isMetOverTriggered_andNull_whenNothingWasTriggered() {
        RoomMetrics.RoomInfo exercise = room(RoomKind.EXERCISE, Severity.SEV3, Phase.DETECTION);
        RoomMetrics.OpenExceptions none = new RoomMetrics.OpenExceptions(0, null);
        assertEquals(new RoomMetrics.ExerciseScore(0, 0, null, null), RoomMetrics.of(exercise, MetricsTally.EMPTY, none, T0).exerciseScore());
        MetricsTally t = MetricsTally.EMPTY.withExpectations(1, 4).withExerciseEndedAt(T0.plusSeconds(1));
        assertEquals(new RoomMetrics.ExerciseScore(1, 4, 0.25, "2026-03-01T10:00:01.000Z"), RoomMetrics.of(exercise, t, none, T0).exerciseScore());
    }

    @Test
    void totals_countOpenIncidentsBySeverity_sumAndAverageOverRooms_andSortScoresByEnd() {
        RoomMetrics.OpenExceptions one = new RoomMetrics.OpenExceptions(1, T0);
        Instant now = T0.plusSeconds(10_000);
        RoomMetrics a = RoomMetrics.of(room(RoomKind.INCIDENT, Severity.SEV1, Phase.ANALYSIS),
                MetricsTally.EMPTY.withContainedAt(T0.plusSeconds(100)).withOverdueActions(2), one, now);
        RoomMetrics b = RoomMetrics.of(room(RoomKind.INCIDENT, Severity.SEV1, Phase.CONTAINMENT),
                MetricsTally.EMPTY.withContainedAt(T0.plusSeconds(201)).withOverdueActions(1), one, now);
        RoomMetrics closed = RoomMetrics.of(room(RoomKind.INCIDENT, Severity.SEV2, Phase.CLOSED), MetricsTally.EMPTY,
                new RoomMetrics.OpenExceptions(0, null), now);
        RoomMetrics later = RoomMetrics.of(room(RoomKind.EXERCISE, Severity.SEV3, Phase.DETECTION),
                MetricsTally.EMPTY.withExpectations(1, 1).withExerciseEndedAt(T0.plusSeconds(50)), new RoomMetrics.OpenExceptions(0, null), now);
        RoomMetrics earlier = RoomMetrics.of(room(RoomKind.EXERCISE, Severity.SEV3, Phase.DETECTION),
                MetricsTally.EMPTY.withExerciseEndedAt(T0.plusSeconds(40)), new RoomMetrics.OpenExceptions(0, null), now);
        RoomMetrics running = RoomMetrics.of(room(RoomKind.EXERCISE, Severity.SEV3, Phase.DETECTION), MetricsTally.EMPTY,
                new RoomMetrics.OpenExceptions(0, null), now);
        MetricsSummary.Totals totals = MetricsSummary.of(List.of(a, b, closed, later, earlier, running), Taxonomy.defaults().bySeverity()).totals();
        assertEquals(Map.of(Severity.SEV1, 2), totals.openIncidentsBySeverity(), "closed incidents and exercises are not open incidents");
        assertEquals(3, totals.overdueActions());
        assertEquals(2, totals.openExceptions());
        assertEquals(150L, totals.meanTimeToContainmentSeconds(), "(99 + 200) / 2 = 149.5 rounds to 150; rooms never contained left out");
        assertNull(totals.meanDecisionLatencySeconds());
        assertEquals(List.of(new MetricsSummary.ScorePoint(earlier.roomId(), "a room", "2026-03-01T10:00:40.000Z", null),
                new MetricsSummary.ScorePoint(later.roomId(), "a room", "2026-03-01T10:00:50.000Z", 1.0)), totals.exerciseScoresOverTime());
    }
}
