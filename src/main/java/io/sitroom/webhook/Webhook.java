package io.sitroom.webhook;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An outbound endpoint: for one room or (room null) for every room, on chosen event kinds (null: all events),
 * and on the rooms' signed checkpoints when its kinds name {@value WebhookDelivery#CHECKPOINT}.
 */
@Entity
@Table(name = "webhook")
public class Webhook extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "room_id")
    public UUID roomId;

    @Column(nullable = false, length = 2000)
    public String url;

    /**
     * Comma-separated event kinds; a kind ending in '.*' matches a family ("decision.*"). Null: every event kind.
     * {@value WebhookDelivery#CHECKPOINT} (only when named) adds the checkpoints, which are no event.
     */
    @Column(length = 2000)
    public String kinds;

    /** The HMAC-SHA256 key of the signature header. */
    @Column(nullable = false, length = 128)
    public String secret;

    /** The body sent: the event as JSON, or a chat message for Slack or Microsoft Teams. */
    @Enumerated(EnumType.STRING)
    @Column(name = "body_format", nullable = false, length = 16)
    public WebhookFormat format;

    @Column(name = "created_by", nullable = false)
    public UUID createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public boolean active;

    public Set<String> kindSet() {
        return kinds == null ? Set.of() : Arrays.stream(kinds.split(",")).collect(Collectors.toSet());
    }

    public boolean wants(UUID eventRoomId, String kind) {
        if (!covers(eventRoomId)) {
            return false;
        }
        Set<String> wanted = kindSet();
        return wanted.isEmpty() || wanted.contains(kind)
                || wanted.stream().anyMatch(w -> w.endsWith(".*") && kind.startsWith(w.substring(0, w.length() - 1)));
    }

    /** Whether it wants the room's signed checkpoints: only when its kinds name them, so no other receiver meets their body. */
    public boolean wantsCheckpoints(UUID checkpointRoomId) {
        return covers(checkpointRoomId) && kindSet().contains(WebhookDelivery.CHECKPOINT);
    }

    private boolean covers(UUID room) {
        return active && (roomId == null || roomId.equals(room));
    }
}
