package io.sitroom.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.sitroom.action.ActionEvent;
import io.sitroom.action.ActionStatus;
import io.sitroom.comms.Audience;
import io.sitroom.comms.CommsEvent;
import io.sitroom.decision.DecisionEvent;
import io.sitroom.exercise.ExerciseEvent;
import io.sitroom.room.EventPayload;
import io.sitroom.room.Phase;
import io.sitroom.room.RoomEvent;

/** Folds one appended event into a room's {@link MetricsTally}. Pure: what it needs from elsewhere comes as {@link Facts}. */
public final class MetricsFold {

    /** Actions with at least this risk score count as high risk. */
    public static final int HIGH_RISK = 100;

    private MetricsFold() {
    }

    /**
     * What the fold reads from the other features' projections. Only things the event being folded
     * does not change, so the answer is the same whether their projection ran before this one or not.
     */
    public interface Facts {

        /**
         * Whether an incident in this phase counts as contained (the deployment's taxonomy says from which phase on): asked
         * only for phase changes recorded before {@code room.phase_changed} said so itself.
         */
        boolean contained(Phase phase);

        /** When the acknowledgement request was made. */
        Instant ackRequestedAt(UUID ackId);

        /** When the decision was proposed. */
        Instant decisionProposedAt(UUID decisionId);

        Action action(UUID actionId);

        /** When the action was last marked done before the event at {@code beforeSeq} (asked only as it leaves done). */
        Instant lastDoneAt(UUID actionId, long beforeSeq);

        /** How many expectations the exercise's inject starts when delivered. */
        int expectationsOf(String injectId);
    }

    /** What an action's event does not change: when it was created, its risk score, and whether it was reported overdue. */
    public record Action(Instant createdAt, Integer riskScore, boolean overdue) {

        boolean highRisk() {
            return riskScore != null && riskScore >= HIGH_RISK;
        }
    }

    /** Whether the event can change a room's metrics (others are not worth reading the row for). */
    public static boolean concerns(EventPayload payload) {
        return payload instanceof RoomEvent.PhaseChanged || payload instanceof CommsEvent.UpdatePosted
                || payload instanceof CommsEvent.AckGiven || payload instanceof DecisionEvent.Accepted
                || payload instanceof ActionEvent.Updated || payload instanceof ActionEvent.Overdue
                || payload instanceof ExerciseEvent.InjectDelivered || payload instanceof ExerciseEvent.ExpectationMet
                || payload instanceof ExerciseEvent.Ended;
    }

    public static MetricsTally apply(MetricsTally t, long seq, Instant at, EventPayload payload, Facts facts) {
        if (payload instanceof RoomEvent.PhaseChanged changed) {
            // Firsts stay first: a room reopened and closed again keeps when it was first closed.
            if (changed.to().isClosed() && t.closedAt() == null) {
                t = t.withClosedAt(at);
            }
            boolean contained = changed.contained() != null ? changed.contained() : facts.contained(changed.to());
            if (contained && t.containedAt() == null) {
                t = t.withContainedAt(at);
            }
            return t;
        }
        if (payload instanceof CommsEvent.UpdatePosted update) {
            return update.audience() == Audience.EXECUTIVE && t.firstExecutiveUpdateAt() == null ? t.withFirstExecutiveUpdateAt(at) : t;
        }
        if (payload instanceof CommsEvent.AckGiven given) {
            // The answer that leaves nothing pending completes the request; earlier answers are on the way.
            return given.pending().isEmpty() ? t.withAcknowledge(t.acknowledge().plus(between(facts.ackRequestedAt(given.ackId()), at))) : t;
        }
        if (payload instanceof DecisionEvent.Accepted accepted) {
            return t.withDecisionLatency(t.decisionLatency().plus(between(facts.decisionProposedAt(accepted.decisionId()), at)));
        }
        if (payload instanceof ActionEvent.Overdue overdue) {
            return overdue.status().closed() ? t : t.withOverdueActions(t.overdueActions() + 1);
        }
        if (payload instanceof ActionEvent.Updated updated) {
            return actionUpdated(t, seq, at, updated, facts);
        }
        if (payload instanceof ExerciseEvent.InjectDelivered delivered) {
            return t.withExpectations(t.expectationsMet(), t.expectationsTriggered() + facts.expectationsOf(delivered.injectId()));
        }
        if (payload instanceof ExerciseEvent.ExpectationMet) {
            return t.withExpectations(t.expectationsMet() + 1, t.expectationsTriggered());
        }
        if (payload instanceof ExerciseEvent.Ended) {
            return t.withExerciseEndedAt(at);
        }
        return t;
    }

    private static MetricsTally actionUpdated(MetricsTally t, long seq, Instant at, ActionEvent.Updated updated, Facts facts) {
        Action action = facts.action(updated.actionId());
        if (action.overdue() && updated.from().closed() != updated.to().closed()) {
            // An overdue action counts while it is open: closing it takes it off, reopening puts it back.
            t = t.withOverdueActions(t.overdueActions() + (updated.to().closed() ? -1 : 1));
        }
        if (action.highRisk()) {
            // The mean is over the actions done now, each from its creation to when it was (last) done.
            if (updated.from() == ActionStatus.DONE) {
                t = t.withHighRiskClose(t.highRiskClose().minus(between(action.createdAt(), facts.lastDoneAt(updated.actionId(), seq))));
            }
            if (updated.to() == ActionStatus.DONE) {
                t = t.withHighRiskClose(t.highRiskClose().plus(between(action.createdAt(), at)));
            }
        }
        return t;
    }

    private static Duration between(Instant from, Instant to) {
        return Duration.between(from, to);
    }
}
