package io.sitroom.metrics;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.sitroom.action.ActionEvent;
import io.sitroom.action.ActionItem;
import io.sitroom.action.ActionStatus;
import io.sitroom.comms.AckRequest;
import io.sitroom.decision.Decision;
import io.sitroom.exercise.Exercise;
import io.sitroom.exercise.ExerciseFeature;
import io.sitroom.room.EventLog;
import io.sitroom.room.Phase;
import io.sitroom.room.Taxonomy;
import io.sitroom.room.RecordedEvent;
import io.sitroom.room.Room;
import io.sitroom.room.RoomEvent;
import io.sitroom.room.RoomFeature;

/**
 * Keeps each room's metrics row in step with its log, in the transaction that appends: reading
 * metrics is then one query whatever the length of the logs, and exact at any length.
 */
@ApplicationScoped
public class MetricsFeature implements RoomFeature {

    private static final Logger LOG = Logger.getLogger(MetricsFeature.class);

    private final ExerciseFeature exercises;
    private final EventLog log;
    private final Taxonomy taxonomy;

    public MetricsFeature(ExerciseFeature exercises, EventLog log, Taxonomy taxonomy) {
        this.exercises = exercises;
        this.taxonomy = taxonomy;
        this.log = log;
    }

    @Override
    public void project(Room room, RecordedEvent event) {
        if (event.payload() instanceof RoomEvent.RoomCreated) {
            RoomMetricsRow.empty(room.id).persist();
            return;
        }
        if (!MetricsFold.concerns(event.payload())) {
            return;
        }
        RoomMetricsRow row = RoomMetricsRow.findById(room.id);
        if (row == null) {
            // Every room gets its row when created, or from the migration that added the table; this is a room that slipped by.
            LOG.warnf("room %s had no metrics row; its metrics start from event %d", room.id, event.seq());
            row = RoomMetricsRow.empty(room.id);
            row.persist();
        }
        row.keep(MetricsFold.apply(row.tally(), event.seq(), event.at(), event.payload(), new ProjectedFacts(room.id)));
    }

    /** The facts the fold needs, from the other features' projection rows (none of them changed by the event being folded). */
    private final class ProjectedFacts implements MetricsFold.Facts {

        @Override
        public boolean contained(Phase phase) {
            return taxonomy.contained(phase);
        }

        private final UUID roomId;

        ProjectedFacts(UUID roomId) {
            this.roomId = roomId;
        }

        @Override
        public Instant ackRequestedAt(UUID ackId) {
            return AckRequest.<AckRequest> findById(ackId).requestedAt;
        }

        @Override
        public Instant decisionProposedAt(UUID decisionId) {
            return Decision.<Decision> findById(decisionId).proposedAt;
        }

        @Override
        public MetricsFold.Action action(UUID actionId) {
            ActionItem item = ActionItem.findById(actionId);
            return new MetricsFold.Action(item.createdAt, item.riskScore, item.overdue);
        }

        @Override
        public Instant lastDoneAt(UUID actionId, long beforeSeq) {
            // The action row's closedAt may already say the new status (the projections' order is not fixed): the log says when.
            Instant at = null;
            for (RecordedEvent e : log.allOf(roomId, ActionEvent.Updated.class)) {
                if (e.seq() < beforeSeq && e.payload() instanceof ActionEvent.Updated u && u.actionId().equals(actionId)
                        && u.to() == ActionStatus.DONE) {
                    at = e.at();
                }
            }
            if (at == null) {
                throw new IllegalStateException("action " + actionId + " leaves done but was never done");
            }
            return at;
        }

        @Override
        public int expectationsOf(String injectId) {
            Exercise exercise = Exercise.findById(roomId);
            return exercises.scenario(exercise).inject(injectId).map(inject -> inject.expectations().size()).orElse(0);
        }
    }
}
