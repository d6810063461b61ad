package io.sitroom.webhook;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import io.sitroom.room.RecordedEvent;
import io.sitroom.room.Room;
import io.sitroom.room.RoomFeature;

/**
 * Queues each committed event for the webhooks that want it, inside the appending transaction.
 * Only events for everyone in the room leave the server: restricted ones (privileged notes,
 * audience updates, scoring) are never sent out.
 */
@ApplicationScoped
public class WebhookFeature implements RoomFeature {

    /** Active webhooks, cached; reloaded when they change here, and at least every {@link #RELOAD_MS} for other nodes. */
    private final AtomicReference<Cached> cache = new AtomicReference<>();
    static final long RELOAD_MS = 10_000;

    private record Cached(List<Webhook> hooks, long loadedAt) {
    }

    void invalidate() {
        cache.set(null);
    }

    @Override
    public void project(Room room, RecordedEvent event) {
        if (!event.forEveryone()) {
            return;
        }
        for (Webhook hook : hooks()) {
            if (hook.wants(room.id, event.kind())) {
                WebhookDelivery delivery = new WebhookDelivery();
                delivery.webhookId = hook.id;
                delivery.roomId = room.id;
                delivery.seq = event.seq();
                delivery.kind = event.kind();
                delivery.status = WebhookDelivery.PENDING;
                delivery.attempts = 0;
                delivery.nextAttemptAt = event.at();
                delivery.createdAt = event.at();
                delivery.persist();
            }
        }
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
