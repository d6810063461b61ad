package io.sitroom.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import io.sitroom.chain.Checkpoint;
import io.sitroom.evidence.CheckpointListener;
import io.sitroom.room.RecordedEvent;
import io.sitroom.room.Room;
import io.sitroom.room.RoomFeature;

/**
 * Queues each committed event for the webhooks that want it, inside the appending transaction.
 * Only events for everyone in the room leave the server: restricted ones (privileged notes,
 * audience updates, scoring) are never sent out. Queues each signed checkpoint, inside the
 * transaction that stores it, for the webhooks that name {@value WebhookDelivery#CHECKPOINT}: a
 * checkpoint is the room's head (a seq and a hash, as every member may see), no event's content.
 */
@ApplicationScoped
public class WebhookFeature implements RoomFeature, CheckpointListener {

    /** Active webhooks, cached; reloaded when they change here, and at least every {@link #RELOAD_MS} for other nodes. */
    private final AtomicReference<Cached> cache = new AtomicReference<>();
    static final long RELOAD_MS = 10_000;

    private record Cached(List<Webhook> hooks, long loadedAt) {
    }

    void invalidate() {
        cache.set(null);
    }

    /**
     * Whether what was just appended may have queued a delivery: false only while the list of active webhooks, as
     * the appends read it, is known to be empty (then the dispatcher is not woken after every batch for nothing).
     */
    boolean mayHaveQueued() {
        Cached cached = cache.get();
        return cached == null || !cached.hooks().isEmpty();
    }

    @Override
    public void project(Room room, RecordedEvent event) {
        if (!event.forEveryone()) {
            return;
        }
        for (Webhook hook : hooks()) {
            if (hook.wants(room.id, event.kind())) {
                queue(hook, room.id, event.seq(), false, event.kind(), event.at());
            }
        }
    }

    @Override
    public void stored(Checkpoint checkpoint, Instant signedAt) {
        UUID roomId = UUID.fromString(checkpoint.roomId());
        for (Webhook hook : hooks()) {
            if (hook.wantsCheckpoints(roomId)) {
                queue(hook, roomId, checkpoint.seq(), true, WebhookDelivery.CHECKPOINT, signedAt);
            }
        }
    }

    private static void queue(Webhook hook, UUID roomId, long seq, boolean checkpoint, String kind, Instant at) {
        WebhookDelivery delivery = new WebhookDelivery();
        delivery.webhookId = hook.id;
        delivery.roomId = roomId;
        delivery.seq = seq;
        delivery.checkpoint = checkpoint;
        delivery.kind = kind;
        delivery.status = WebhookDelivery.PENDING;
        delivery.attempts = 0;
        delivery.nextAttemptAt = at;
        delivery.createdAt = at;
        delivery.persist();
    }

    private List<Webhook> hooks() {
        Cached cached = cache.get();
        long now = System.currentTimeMillis();
        if (cached == null || now - cached.loadedAt() > RELOAD_MS) {
            cached = new Cached(Webhook.list("active", true), now);
            cache.set(cached);
        }
        return cached.hooks();
    }

}
