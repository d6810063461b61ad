package io.sitroom.tracker;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An action's link to an issue in a tracker: the projection of the link events, and the link worker's
 * queue. {@code requested} (waiting for the worker; {@code remoteKey} set once the issue exists, before
 * {@code action.linked} is appended), {@code linked}, {@code failed} (the retries gave up; may be asked again).
 */
@Entity
@Table(name = "tracker_link")
@IdClass(TrackerLink.Key.class)
public class TrackerLink extends PanacheEntityBase {

    public record Key(UUID actionId, UUID trackerId) implements Serializable {
    }

    public static final String REQUESTED = "requested";
    public static final String LINKED = "linked";
    public static final String FAILED = "failed";

    @Id
    @Column(name = "action_id")
    public UUID actionId;

    @Id
    @Column(name = "tracker_id")
    public UUID trackerId;

    @Column(name = "room_id", nullable = false)
    public UUID roomId;

    @Column(name = "requested_seq", nullable = false)
    public long requestedSeq;

    @Column(nullable = false, length = 16)
    public String status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "remote_id", length = 100)
    public String remoteId;

    @Column(name = "remote_key", length = 100)
    public String remoteKey;

    @Column(name = "remote_url", length = 1000)
    public String remoteUrl;

    @Column(name = "remote_state", length = 64)
    public String remoteState;

    @Column(name = "last_error", length = 500)
    public String lastError;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static TrackerLink of(UUID actionId, UUID trackerId) {
        return findById(new Key(actionId, trackerId));
    }

    public static TrackerLink byRemoteKey(UUID trackerId, String remoteKey) {
        return find("trackerId = ?1 and remoteKey = ?2", trackerId, remoteKey).firstResult();
    }
}
