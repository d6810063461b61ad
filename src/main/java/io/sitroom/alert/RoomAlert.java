package io.sitroom.alert;

import java.io.Serializable;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import io.sitroom.room.Severity;

/**
 * An alert a room holds, as it stands: written by the feature's projection from each alert event, and
 * by the intake for a resend that changes nothing (only {@link #received} and {@link #lastSeen} move).
 */
@Entity
@Table(name = "room_alert")
@IdClass(RoomAlert.Key.class)
public class RoomAlert extends PanacheEntityBase {

    private static final int BATCH = 500;

    public record Key(UUID roomId, UUID integrationId, String fingerprint) implements Serializable {
    }

    @Id
    @Column(name = "room_id")
    public UUID roomId;

    @Id
    @Column(name = "integration_id")
    public UUID integrationId;

    @Id
    @Column(length = 200)
    public String fingerprint;

    @Column(nullable = false, length = 200)
    public String title;

    /** {@code firing} or {@code resolved}. */
    @Column(nullable = false, length = 16)
    public String status;

    @Column(nullable = false, length = 32)
    public Severity severity;

    @Column(name = "severity_label", length = 2000)
    public String severityLabel;

    /** The labels as canonical JSON. */
    @Column(nullable = false, length = 1_000_000)
    public String labels;

    @Column(name = "starts_at", length = 64)
    public String startsAt;

    @Column(name = "ends_at", length = 64)
    public String endsAt;

    /** What the last event said (see {@link AlertEvent#contentHash}): a delivery with another is a change. */
    @Column(name = "content_hash", nullable = false, length = 64)
    public String contentHash;

    @Column(name = "first_seen", nullable = false)
    public Instant firstSeen;

    @Column(name = "last_seen", nullable = false)
    public Instant lastSeen;

    /** Deliveries to this room: the ones that appended an event and the resends that changed nothing. */
    @Column(nullable = false)
    public int received;

    @Column(name = "first_seq", nullable = false)
    public long firstSeq;

    /** The seq of the last event about it. */
    @Column(name = "last_seq", nullable = false)
    public long lastSeq;

    static List<RoomAlert> ofRoom(UUID roomId) {
        return list("roomId", Sort.ascending("firstSeq").and("integrationId").and("fingerprint"), roomId);
    }

    /** What the room holds of an integration's alerts, by fingerprint, read without loading the rows as entities. */
    static Map<String, AlertDedup.Known> known(UUID roomId, UUID integrationId) {
        Map<String, AlertDedup.Known> known = new HashMap<>();
        getEntityManager().createQuery("select a.fingerprint, a.contentHash, a.received from RoomAlert a"
                + " where a.roomId = :room and a.integrationId = :integration", Object[].class)
                .setParameter("room", roomId).setParameter("integration", integrationId).getResultStream()
                .forEach(row -> known.put((String) row[0], new AlertDedup.Known((String) row[1], (Integer) row[2])));
        return known;
    }

    /**
     * Counts resends ({@code deliveries} by fingerprint) seen {@code at}: one JDBC batch of updates by key,
     * after the rows this transaction created are flushed.
     */
    static void counted(UUID roomId, UUID integrationId, Map<String, Integer> deliveries, Instant at) {
        getEntityManager().flush();
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE room_alert SET received = received + ?, last_seen = ?"
                    + " WHERE room_id = ? AND integration_id = ? AND fingerprint = ?")) {
                OffsetDateTime seen = at.atOffset(ZoneOffset.UTC);
                int pending = 0;
                for (Map.Entry<String, Integer> resent : deliveries.entrySet()) {
                    update.setInt(1, resent.getValue());
                    update.setObject(2, seen);
                    update.setObject(3, roomId);
                    update.setObject(4, integrationId);
                    update.setString(5, resent.getKey());
                    update.addBatch();
                    if (++pending == BATCH) {
                        update.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    update.executeBatch();
                }
            }
        });
    }
}
