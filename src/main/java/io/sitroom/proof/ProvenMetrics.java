package io.sitroom.proof;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.sitroom.action.ActionEvent;
import io.sitroom.action.ActionStatus;
import io.sitroom.comms.CommsEvent;
import io.sitroom.decision.DecisionEvent;
import io.sitroom.metrics.MetricsFold;
import io.sitroom.metrics.MetricsTally;
import io.sitroom.metrics.RoomMetrics;
import io.sitroom.room.EventPayload;
import io.sitroom.room.Phase;
import io.sitroom.room.RoomEvent;

/**
 * The export's {@code metrics} that its events prove, folded with the server's own fold ({@link MetricsFold})
 * over facts read from the events themselves instead of the projection rows. Left out, as they are not the
 * events' alone: time to containment when a phase change does not record whether it contains (recorded before
 * {@code room.phase_changed} said so; the deployment's taxonomy decided), open exceptions and their age when the
 * file does not say when it was exported (they are as of that moment), an exercise's score (played on its scenario,
 * with the server's libraries: {@code verify.ExerciseDerivation}); and time to the first executive update unless the
 * exporter saw every event (an executive update is for its audience).
 */
final class ProvenMetrics {

    private ProvenMetrics() {
    }

    /**
     * The proven metrics by path ({@code metrics.closedAt}, ...), or none when the events hold no room.created;
     * {@code asOf}: when the metrics were read (the export's time), null when not known.
     */
    static Map<String, Object> of(List<Fact> facts, boolean everyEventSeen, Instant asOf) {
        Map<String, Object> proven = new LinkedHashMap<>();
        EventFacts known = new EventFacts();
        Exceptions exceptions = new Exceptions();
        MetricsTally tally = MetricsTally.EMPTY;
        Fact created = null;
        for (Fact fact : facts) {
            if (fact.payload() instanceof RoomEvent.RoomCreated) {
                created = fact;
            }
            if (MetricsFold.concerns(fact.payload())) {
                tally = MetricsFold.apply(tally, fact.seq(), fact.at(), fact.payload(), known);
            }
            known.learn(fact);
            exceptions.learn(fact);
        }
        if (created == null) {
            return proven;
        }
        RoomEvent.RoomCreated room = (RoomEvent.RoomCreated) created.payload();
        RoomMetrics metrics = RoomMetrics.of(new RoomMetrics.RoomInfo(null, room.roomKind(), room.title(), room.severity(), room.phase(),
                created.at()), tally, asOf == null ? new RoomMetrics.OpenExceptions(0, null) : exceptions.openAt(asOf),
                asOf == null ? created.at() : asOf);
        proven.put("metrics.openedAt", metrics.openedAt());
        proven.put("metrics.closedAt", metrics.closedAt());
        proven.put("metrics.timeToAcknowledgeSeconds", metrics.timeToAcknowledgeSeconds());
        proven.put("metrics.decisionLatencySeconds", metrics.decisionLatencySeconds());
        proven.put("metrics.overdueActions", metrics.overdueActions());
        proven.put("metrics.meanTimeToCloseHighRiskActionsSeconds", metrics.meanTimeToCloseHighRiskActionsSeconds());
        if (everyEventSeen) {
            proven.put("metrics.timeToFirstExecutiveUpdateSeconds", metrics.timeToFirstExecutiveUpdateSeconds());
        }
        boolean containmentRecorded = facts.stream().map(Fact::payload).filter(RoomEvent.PhaseChanged.class::isInstance)
                .allMatch(changed -> ((RoomEvent.PhaseChanged) changed).contained() != null);
        if (containmentRecorded) {
            proven.put("metrics.timeToContainmentSeconds", metrics.timeToContainmentSeconds());
        }
        if (asOf != null) {
            proven.put("metrics.openExceptions", metrics.openExceptions());
            proven.put("metrics.oldestOpenExceptionAgeSeconds", metrics.oldestOpenExceptionAgeSeconds());
        }
        return proven;
    }

    /**
     * Time-bound exceptions as {@code MetricsService} counts them from the decision log: decisions accepted (and
     * since neither expired nor superseded) whose expiry is still ahead, and when the oldest of them was accepted.
     */
    private static final class Exceptions {

        private final Map<UUID, Instant> expiresAt = new HashMap<>();
        private final Map<UUID, Instant> acceptedAt = new LinkedHashMap<>();

        void learn(Fact fact) {
            if (fact.payload() instanceof DecisionEvent.Proposed proposed && proposed.expiresAt() != null) {
                expiresAt.put(proposed.decisionId(), proposed.expiresAt());
            } else if (fact.payload() instanceof DecisionEvent.Accepted accepted) {
                acceptedAt.put(accepted.decisionId(), fact.at());
            } else if (fact.payload() instanceof DecisionEvent.Expired || fact.payload() instanceof DecisionEvent.Superseded
                    || fact.payload() instanceof DecisionEvent.Rejected) {
                acceptedAt.remove(((DecisionEvent) fact.payload()).decisionId());
            }
        }

        RoomMetrics.OpenExceptions openAt(Instant now) {
            List<Instant> open = acceptedAt.entrySet().stream()
                    .filter(accepted -> expiresAt.containsKey(accepted.getKey()) && expiresAt.get(accepted.getKey()).isAfter(now))
                    .map(Map.Entry::getValue).toList();
            return new RoomMetrics.OpenExceptions(open.size(), open.stream().min(Instant::compareTo).orElse(null));
        }
    }

    /** What the fold asks, as the events before the one being folded tell it (as the projection rows would then). */
    private static final class EventFacts implements MetricsFold.Facts {

        private final Map<UUID, Instant> ackRequestedAt = new HashMap<>();
        private final Map<UUID, Instant> decisionProposedAt = new HashMap<>();
        private final Map<UUID, MetricsFold.Action> actions = new HashMap<>();
        private final Map<UUID, List<Fact>> actionUpdates = new HashMap<>();

        void learn(Fact fact) {
            EventPayload payload = fact.payload();
            if (payload instanceof CommsEvent.AckRequested requested) {
                ackRequestedAt.put(requested.ackId(), fact.at());
            } else if (payload instanceof DecisionEvent.Proposed proposed) {
                decisionProposedAt.put(proposed.decisionId(), fact.at());
            } else if (payload instanceof ActionEvent.Created action) {
                actions.put(action.actionId(), new MetricsFold.Action(fact.at(), action.riskScore(), false));
            } else if (payload instanceof ActionEvent.Overdue overdue && actions.containsKey(overdue.actionId())) {
                MetricsFold.Action action = actions.get(overdue.actionId());
                actions.put(overdue.actionId(), new MetricsFold.Action(action.createdAt(), action.riskScore(), true));
            } else if (payload instanceof ActionEvent.Updated updated) {
                actionUpdates.computeIfAbsent(updated.actionId(), id -> new ArrayList<>()).add(fact);
            }
        }

        @Override
        public Instant ackRequestedAt(UUID ackId) {
            return known(ackRequestedAt.get(ackId), "acknowledgement request " + ackId);
        }

        @Override
        public Instant decisionProposedAt(UUID decisionId) {
            return known(decisionProposedAt.get(decisionId), "decision " + decisionId);
        }

        @Override
        public MetricsFold.Action action(UUID actionId) {
            return known(actions.get(actionId), "action " + actionId);
        }

        @Override
        public Instant lastDoneAt(UUID actionId, long beforeSeq) {
            Instant at = null;
            for (Fact update : actionUpdates.getOrDefault(actionId, List.of())) {
                if (update.seq() < beforeSeq && ((ActionEvent.Updated) update.payload()).to() == ActionStatus.DONE) {
                    at = update.at();
                }
            }
            return known(at, "action " + actionId + " done");
        }

        @Override
        public boolean contained(Phase phase) {
            return false; // asked only of phase changes that do not record it: time to containment is then not proven
        }

        @Override
        public int expectationsOf(String injectId) {
            return 0; // an exercise's score is not proven here (its scenario is not in the events; see verify.ExerciseDerivation)
        }

        private static <T> T known(T value, String what) {
            if (value == null) {
                throw new IllegalStateException("the events never say " + what);
            }
            return value;
        }
    }
}
