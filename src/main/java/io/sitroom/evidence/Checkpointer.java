package io.sitroom.evidence;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.sitroom.chain.Checkpoint;
import io.sitroom.error.OutageLog;
import io.sitroom.room.HashChain;
import io.sitroom.room.Phase;
import io.sitroom.room.Room;

/**
 * Signs rooms' heads: a room whose head moved since its last checkpoint is signed once
 * {@code sitroom.evidence.checkpoint-interval} has passed since then, a closed room at once. Every node
 * runs this; a head another node signed first is kept (one checkpoint per room and seq). Each
 * {@link CheckpointListener} is told of a checkpoint in the transaction that stores it.
 */
@ApplicationScoped
public class Checkpointer {

    private static final Logger LOG = Logger.getLogger(Checkpointer.class);
    private static final int BATCH = 500;

    /** Rooms whose head is past their last checkpoint, with whether the interval has passed or the room is closed. */
    private static final String DUE = """
            SELECT r.id, r.head_seq, r.head_hash FROM room r
            LEFT JOIN (SELECT room_id, MAX(seq) AS seq, MAX(signed_instant) AS signed FROM room_checkpoint GROUP BY room_id) c
              ON c.room_id = r.id
            WHERE r.head_seq > COALESCE(c.seq, 0) AND (c.signed IS NULL OR c.signed <= :cutoff OR r.phase = :closed)
            ORDER BY r.head_seq DESC
            """;

    private final KeyRing keys;
    private final EvidenceConfig config;
    private final Clock clock;
    private final EntityManager em;
    private final Instance<CheckpointListener> listeners;
    private final OutageLog outage = new OutageLog(LOG, "checkpoint signing");

    public Checkpointer(KeyRing keys, EvidenceConfig config, Clock clock, EntityManager em, Instance<CheckpointListener> listeners) {
        this.keys = keys;
        this.config = config;
        this.clock = clock;
        this.em = em;
        this.listeners = listeners;
    }

    @Scheduled(every = "${sitroom.evidence.poll-interval:5s}", delayed = "3s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            signDue();
            outage.succeeded();
        } catch (RuntimeException e) {
            if (!outage.failed(e)) {
                throw e;
            }
        }
    }

    /** Signs every checkpoint that is due now; returns how many it stored. */
    public int signDue() {
        if (!keys.enabled()) {
            return 0;
        }
        Instant now = clock.instant();
        List<Object[]> due = QuarkusTransaction.requiringNew().call(() -> rows(em.createNativeQuery(DUE)
                .setParameter("cutoff", now.minus(config.checkpointInterval()))
                .setParameter("closed", Phase.CLOSED.id())
                .setMaxResults(BATCH)
                .getResultList()));
        int stored = 0;
        for (Object[] row : due) {
            if (sign(uuid(row[0]), ((Number) row[1]).longValue(), (String) row[2], now)) {
                stored++;
            }
        }
        return stored;
    }

    /** A UUID column as the driver hands it to a native query: PostgreSQL a UUID, H2 its 16 bytes. */
    static UUID uuid(Object column) {
        if (column instanceof UUID id) {
            return id;
        } else if (column instanceof byte[] bytes && bytes.length == 16) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
            return new UUID(buffer.getLong(), buffer.getLong());
        }
        return UUID.fromString(String.valueOf(column));
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(List<?> result) {
        return (List<Object[]>) result;
    }

    private boolean sign(UUID roomId, long seq, String headHash, Instant now) {
        String at = HashChain.formatTime(now);
        KeyRing.Signed signed = keys.sign(Checkpoint.signedBytes(roomId.toString(), seq, headHash, at));
        RoomCheckpoint checkpoint = new RoomCheckpoint();
        checkpoint.roomId = roomId;
        checkpoint.seq = seq;
        checkpoint.headHash = headHash;
        checkpoint.signedAt = at;
        checkpoint.signedInstant = now;
        checkpoint.kid = signed.kid();
        checkpoint.signature = signed.signature();
        return QuarkusTransaction.requiringNew().call(() -> {
            // Every node signs the heads that are due, so two may sign the same one at once: the room's row takes them in
            // turn, and the second finds the first's checkpoint and keeps it (an insert that failed on the key would be
            // logged as a database error, in a drain too).
            Room.lockForAppend(roomId);
            if (RoomCheckpoint.findById(new RoomCheckpoint.Key(roomId, seq)) != null) {
                return false;
            }
            checkpoint.persist();
            listeners.forEach(listener -> listener.stored(checkpoint.checkpoint(), now));
            return true;
        });
    }
}
