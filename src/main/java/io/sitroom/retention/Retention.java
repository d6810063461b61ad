package io.sitroom.retention;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.sitroom.audit.AuditLog;
import io.sitroom.clock.WireTime;
import io.sitroom.exercise.Exercise;
import io.sitroom.exercise.ExerciseStatus;
import io.sitroom.room.LoggedEvent;
import io.sitroom.room.Room;
import io.sitroom.room.RoomKind;
import io.sitroom.room.RoomWriter;

/**
 * Deletes finished rooms past their kind's retention period ({@link RetentionConfig}), unless under legal hold.
 * Each deletion runs in the room's own unit of work ({@link RoomWriter}): under its lock, with everything checked
 * again there (a hold placed or an event appended meanwhile keeps the room), the room's rows deleted and the
 * deletion recorded in the audit log, in one transaction.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);
    static final String ACTION = "room.delete";

    private final RetentionPolicy policy;
    private final int batch;
    private final RoomRows rows;
    private final RoomWriter writer;
    private final AuditLog audit;
    private final Clock clock;

    public Retention(RetentionConfig config, RoomRows rows, RoomWriter writer, AuditLog audit, Clock clock) {
        this.policy = RetentionPolicy.of(config);
        this.batch = config.batch();
        this.rows = rows;
        this.writer = writer;
        this.audit = audit;
        this.clock = clock;
    }

    @Scheduled(every = "${sitroom.retention.poll-interval:1h}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sweep();
    }

    /** Deletes the rooms due now (at most a batch); returns their ids. */
    public List<UUID> sweep() {
        Instant now = clock.instant();
        List<UUID> deleted = new ArrayList<>();
        for (UUID roomId : candidates(now)) {
            try {
                if (writer.run(roomId, locked -> locked.exists() && deleteIfDue(locked.entity(), now))) {
                    deleted.add(roomId);
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "retention: room %s could not be deleted; the next sweep tries again", roomId);
            }
        }
        if (!deleted.isEmpty()) {
            LOG.infof("retention: deleted %d rooms past their retention period", deleted.size());
        }
        return deleted;
    }

    /** Rooms of a kept-for-a-while kind, not held, whose last event is older than the period (finished or not: checked under the lock). */
    private List<UUID> candidates(Instant now) {
        List<UUID> candidates = new ArrayList<>();
        for (RoomKind kind : RoomKind.values()) {
            policy.cutoff(kind, now).ifPresent(cutoff -> candidates.addAll(QuarkusTransaction.requiringNew().call(() -> Room.getEntityManager()
                    .createQuery("select r.id from Room r, LoggedEvent e where r.kind = ?1 and r.legalHold = false and e.roomId = r.id"
                            + " and e.seq = r.headSeq and e.at < ?2 order by e.at", UUID.class)
                    .setParameter(1, kind).setParameter(2, cutoff).setMaxResults(batch).getResultList())));
        }
        return candidates.size() > batch ? candidates.subList(0, batch) : candidates;
    }

    private boolean deleteIfDue(Room room, Instant now) {
        LoggedEvent last = LoggedEvent.findById(new LoggedEvent.Key(room.id, room.headSeq));
        if (last == null || !policy.due(room.kind, finished(room), room.legalHold, last.at, now)) {
            return false;
        }
        String what = room.kind.name().toLowerCase(Locale.ROOT) + " \"" + room.title + "\", " + room.headSeq + " events, last at "
                + WireTime.format(last.at) + ", head " + room.headHash;
        UUID id = room.id;
        int deleted = rows.delete(id);
        audit.record(null, "retention", ACTION, "room " + id, what + "; " + deleted + " rows; kept for "
                + policy.keepFor(room.kind).orElseThrow());
        return true;
    }

    /** An incident is finished once closed; an exercise once ended (or closed). */
    private static boolean finished(Room room) {
        if (room.phase.isClosed()) {
            return true;
        }
        if (room.kind != RoomKind.EXERCISE) {
            return false;
        }
        Exercise exercise = Exercise.findById(room.id);
        return exercise != null && exercise.status == ExerciseStatus.ENDED;
    }
}
