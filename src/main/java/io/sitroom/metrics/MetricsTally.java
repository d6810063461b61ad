package io.sitroom.metrics;

import java.time.Duration;
import java.time.Instant;

/**
 * What a room's metrics are derived from, kept as its log is appended (the row of {@code room_metrics}):
 * the first moments that matter, and running sums of durations with their counts. Moments rather than
 * durations, so that nothing here depends on when the room was opened or on "now".
 *
 * @param closedAt the first time the room was closed
 * @param containedAt the first time its phase reached containment or a later phase
 * @param firstExecutiveUpdateAt the first status update for executives
 * @param acknowledge requests acknowledged by every role they named: request to the last role's acknowledgement
 * @param decisionLatency decisions accepted: proposed to accepted
 * @param overdueActions actions reported overdue and not done or cancelled since
 * @param highRiskClose actions with a risk score of {@value MetricsFold#HIGH_RISK} or more that are done: created to done
 * @param expectationsMet exercise expectations met
 * @param expectationsTriggered exercise expectations started by delivered injects (pending, met or missed)
 * @param exerciseEndedAt when the exercise ended
 */
public record MetricsTally(Instant closedAt, Instant containedAt, Instant firstExecutiveUpdateAt, Mean acknowledge, Mean decisionLatency,
        int overdueActions, Mean highRiskClose, int expectationsMet, int expectationsTriggered, Instant exerciseEndedAt) {

    public static final MetricsTally EMPTY = new MetricsTally(null, null, null, Mean.NONE, Mean.NONE, 0, Mean.NONE, 0, 0, null);

    /**
     * A mean duration kept as a count and a sum in milliseconds, so that one more (or one less)
     * duration is added without the ones before.
     */
    public record Mean(long count, long totalMillis) {

        public static final Mean NONE = new Mean(0, 0);

        public Mean plus(Duration d) {
            return new Mean(count + 1, totalMillis + d.toMillis());
        }

        public Mean minus(Duration d) {
            return new Mean(count - 1, totalMillis - d.toMillis());
        }

        /** The mean in whole seconds (rounded); null when there is none. */
        public Long seconds() {
            return count == 0 ? null : Math.round(totalMillis / 1000.0 / count);
        }
    }

    MetricsTally withClosedAt(Instant at) {
        return new MetricsTally(at, containedAt, firstExecutiveUpdateAt, acknowledge, decisionLatency, overdueActions, highRiskClose,
                expectationsMet, expectationsTriggered, exerciseEndedAt);
    }

    MetricsTally withContainedAt(Instant at) {
        return new MetricsTally(closedAt, at, firstExecutiveUpdateAt, acknowledge, decisionLatency, overdueActions, highRiskClose,
                expectationsMet, expectationsTriggered, exerciseEndedAt);
    }

    MetricsTally withFirstExecutiveUpdateAt(Instant at) {
        return new MetricsTally(closedAt, containedAt, at, acknowledge, decisionLatency, overdueActions, highRiskClose, expectationsMet,
                expectationsTriggered, exerciseEndedAt);
    }

    MetricsTally withAcknowledge(Mean mean) {
        return new MetricsTally(closedAt, containedAt, firstExecutiveUpdateAt, mean, decisionLatency, overdueActions, highRiskClose,
                expectationsMet, expectationsTriggered, exerciseEndedAt);
    }

    MetricsTally withDecisionLatency(Mean mean) {
        return new MetricsTally(closedAt, containedAt, firstExecutiveUpdateAt, acknowledge, mean, overdueActions, highRiskClose,
                expectationsMet, expectationsTriggered, exerciseEndedAt);
    }

    MetricsTally withOverdueActions(int count) {
        return new MetricsTally(closedAt, containedAt, firstExecutiveUpdateAt, acknowledge, decisionLatency, count, highRiskClose,
                expectationsMet, expectationsTriggered, exerciseEndedAt);
    }

    MetricsTally withHighRiskClose(Mean mean) {
        return new MetricsTally(closedAt, containedAt, firstExecutiveUpdateAt, acknowledge, decisionLatency, overdueActions, mean,
                expectationsMet, expectationsTriggered, exerciseEndedAt);
    }

    MetricsTally withExpectations(int met, int triggered) {
        return new MetricsTally(closedAt, containedAt, firstExecutiveUpdateAt, acknowledge, decisionLatency, overdueActions, highRiskClose,
                met, triggered, exerciseEndedAt);
    }

    MetricsTally withExerciseEndedAt(Instant at) {
        return new MetricsTally(closedAt, containedAt, firstExecutiveUpdateAt, acknowledge, decisionLatency, overdueActions, highRiskClose,
                expectationsMet, expectationsTriggered, at);
    }
}
