package io.sitroom.webhook;

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
 * One event, or one signed checkpoint of a room's head, queued for one endpoint, written in the
 * transaction that appended the event or stored the checkpoint: nothing committed is missed, and the
 * key means nothing is queued twice (the event at a seq and the checkpoint at that seq are two
 * deliveries). Its status is the delivery log:
 * {@code pending} (queued or retried), {@code delivered}, {@code dead_lettered} (its retries ran out:
 * the endpoint holds every later delivery until it is resumed), {@code skipped} (a dead letter the
 * endpoint was resumed past), {@code dropped} (the webhook was removed); {@code failed} only in rows
 * of versions that gave up on a delivery and went on with the next.
 */
@Entity
@Table(name = "webhook_delivery")
@IdClass(WebhookDelivery.Key.class)
public class WebhookDelivery extends PanacheEntityBase {

    public record Key(UUID webhookId, UUID roomId, long seq, boolean checkpoint) implements Serializable {
    }

    /** The kind of a checkpoint's delivery (no event has it). */
    public static final String CHECKPOINT = "checkpoint";

    public static final String PENDING = "pending";
    public static final String DELIVERED = "delivered";
    public static final String DEAD_LETTERED = "dead_lettered";
    public static final String SKIPPED = "skipped";
    public static final String DROPPED = "dropped";

    @Id
    @Column(name = "webhook_id")
    public UUID webhookId;

    @Id
    @Column(name = "room_id")
    public UUID roomId;

    @Id
    public long seq;

    /** Whether this is the checkpoint signed at {@code seq} rather than the event at {@code seq}. */
    @Id
    public boolean checkpoint;

    @Column(nullable = false, length = 64)
    public String kind;

    @Column(nullable = false, length = 16)
    public String status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "last_status")
    public Integer lastStatus;

    @Column(name = "last_error", length = 500)
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    public Key key() {
        return new Key(webhookId, roomId, seq, checkpoint);
    }
}
