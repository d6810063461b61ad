package io.sitroom.live;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.sitroom.room.EventView;
import io.sitroom.room.EventsAppended;
import io.sitroom.room.LoggedEvent;

/**
 * Pushes committed events to the connections of their room on this node. Each event is encoded
 * once per room, not once per connection. A gap in the announced stream that does not close
 * within {@link #REPAIR_DELAY_MS} is filled from the log.
 */
@ApplicationScoped
public class RoomFanout {

    private static final Logger LOG = Logger.getLogger(RoomFanout.class);
    static final long REPAIR_DELAY_MS = 200;
    private static final int REPAIR_PAGE = 500;

    private final ConcurrentHashMap<UUID, RoomChannel> channels = new ConcurrentHashMap<>();
    private final Frames frames;
    private final ScheduledExecutorService repairs = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sitroom-fanout-repair");
        thread.setDaemon(true);
        return thread;
    });

    private final Timer fanoutTime;

    public RoomFanout(Frames frames, MeterRegistry registry) {
        this.frames = frames;
        Gauge.builder("sitroom.connections.open", this, RoomFanout::connections)
                .description("WebSocket connections open on this node").register(registry);
        this.fanoutTime = Timer.builder("sitroom.fanout")
                .description("Time to encode committed events once and hand them to every connection of their room")
                .publishPercentileHistogram().register(registry);
    }

    void onAppended(@Observes EventsAppended appended) {
        RoomChannel channel = channels.get(appended.roomId());
        if (channel != null) {
            long start = System.nanoTime();
            offer(channel, appended.events());
            fanoutTime.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    RoomChannel join(UUID roomId, Subscriber subscriber) {
        return channels.compute(roomId, (id, channel) -> {
            RoomChannel joined = channel == null ? new RoomChannel(id) : channel;
            joined.add(subscriber);
            return joined;
        });
    }

    void leave(UUID roomId, Subscriber subscriber) {
        channels.computeIfPresent(roomId, (id, channel) -> {
            channel.remove(subscriber);
            return channel.isEmpty() ? null : channel;
        });
    }

    /** Connections open on this node. */
    public int connections() {
        return channels.values().stream().mapToInt(RoomChannel::size).sum();
    }

    private void offer(RoomChannel channel, List<EventView> events) {
        List<OutboundEvent> outbound = events.stream().map(e -> OutboundEvent.of(e, frames.event(e))).toList();
        if (channel.offer(outbound)) {
            repairs.schedule(() -> repair(channel), REPAIR_DELAY_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void repair(RoomChannel channel) {
        if (!channel.hasGap()) {
            return;
        }
        try {
            List<EventView> missing = QuarkusTransaction.requiringNew().call(() -> LoggedEvent
                    .page(channel.roomId(), channel.delivered(), REPAIR_PAGE).stream().map(EventView::of).toList());
            LOG.debugf("room %s: filled a gap after seq %d from the log", channel.roomId(), channel.delivered());
            offer(channel, missing);
        } catch (RuntimeException e) {
            LOG.warnf("room %s: could not read the log to fill a gap (%s); retrying", channel.roomId(), e.getMessage());
            repairs.schedule(() -> repair(channel), REPAIR_DELAY_MS * 5, TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() {
        repairs.shutdownNow();
    }
}
