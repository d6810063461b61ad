package io.sitroom.live;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.sitroom.error.OutageLog;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.sitroom.room.AppendListener;
import io.sitroom.room.EventLog;
import io.sitroom.room.RecordedEvent;
import io.sitroom.room.Room;

/**
 * Pushes committed events to the connections of their room on this node. Each event is encoded
 * once per room, not once per connection. Events appended on this node arrive announced; events
 * appended elsewhere (another node), and any gap in the announced stream that does not close
 * within {@link #REPAIR_DELAY_MS}, are read from the log: {@code seq > delivered}, in order.
 */
@ApplicationScoped
public class RoomFanout implements AppendListener {

    private static final Logger LOG = Logger.getLogger(RoomFanout.class);
    /** The database going away is the node's one line (and its return another), not a warning per retry. */
    private final OutageLog outage = new OutageLog(LOG, "the fan-out's reads of the log");
    static final long REPAIR_DELAY_MS = 200;
    private static final long RETRY_DELAY_MS = 1000;
    private static final int PAGE = 500;

    private final ConcurrentHashMap<UUID, RoomChannel> channels = new ConcurrentHashMap<>();
    private final Frames frames;
    private final EventLog log;
    private final ScheduledThreadPoolExecutor readers;
    private final Timer fanoutTime;
    private final Counter readFromLog;

    public RoomFanout(Frames frames, EventLog log, MeterRegistry registry) {
        this.frames = frames;
        this.log = log;
        AtomicInteger threads = new AtomicInteger();
        this.readers = new ScheduledThreadPoolExecutor(2, runnable -> {
            Thread thread = new Thread(runnable, "sitroom-fanout-reader-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        registry.find("sitroom.frames.written").meters().forEach(registry::remove);
        FunctionCounter.builder("sitroom.frames.written", SocketWriter.DIRECT, LongAdder::sum).tag("path", "direct")
                .description("Frames written straight to the connection's channel: each event encoded and compressed once for all")
                .register(registry);
        FunctionCounter.builder("sitroom.frames.written", SocketWriter.PER_CONNECTION, LongAdder::sum).tag("path", "per-connection")
                .description("Frames written through the WebSocket library: encoded and compressed again for each connection")
                .register(registry);
        registry.find("sitroom.connections.open").gauges().forEach(registry::remove); // see WebhookDispatcher
        Gauge.builder("sitroom.connections.open", this, RoomFanout::connections)
                .description("WebSocket connections open on this node").register(registry);
        this.fanoutTime = Timer.builder("sitroom.fanout")
                .description("Time to encode committed events once and hand them to every connection of their room")
                .publishPercentileHistogram().register(registry);
        this.readFromLog = Counter.builder("sitroom.fanout.read")
                .description("Events the fan-out read from the log (appended on another node, or a gap)").register(registry);
    }

    @Override
    public void appended(UUID roomId, List<RecordedEvent> events) {
        RoomChannel channel = channels.get(roomId);
        if (channel != null) {
            long start = System.nanoTime();
            offer(channel, events);
            fanoutTime.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * The log of a room has reached {@code seq} (on any node): if this node has clients in the room
     * and has not seen that far, it reads the rest from the log.
     */
    public void wake(UUID roomId, long seq) {
        RoomChannel channel = channels.get(roomId);
        if (channel != null && channel.delivered() >= 0 && channel.known() < seq) {
            readSoon(channel);
        }
    }

    /** Compares every room with clients on this node with the log's head, and reads what is missing. */
    public void catchUp() {
        if (channels.isEmpty()) {
            return;
        }
        Map<UUID, Long> heads = QuarkusTransaction.requiringNew().call(() -> Room.heads(List.copyOf(channels.keySet())));
        heads.forEach(this::wake);
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

    private void offer(RoomChannel channel, List<RecordedEvent> events) {
        List<OutboundEvent> outbound = events.stream().map(e -> OutboundEvent.of(e, EncodedFrame.of(frames.event(e.view())))).toList();
        if (channel.offer(outbound)) {
            readers.schedule(() -> {
                if (channel.hasGap()) {
                    LOG.debugf("room %s: a gap after seq %d did not close; reading the log", channel.roomId(), channel.delivered());
                    readSoon(channel);
                }
            }, REPAIR_DELAY_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** One reader per room at a time; a wake-up while it reads makes it read once more. */
    private void readSoon(RoomChannel channel) {
        if (channel.wantFetch()) {
            readers.execute(() -> read(channel));
        }
    }

    private void read(RoomChannel channel) {
        try {
            do {
                readAfterDelivered(channel);
            } while (channel.fetchAgain());
            outage.succeeded();
        } catch (RuntimeException e) {
            channel.fetchFailed();
            if (!outage.failedReading(e)) {
                LOG.warnf("room %s: could not read the log after seq %d (%s); retrying", channel.roomId(), channel.delivered(),
                        e.getMessage());
            }
            readers.schedule(() -> readSoon(channel), RETRY_DELAY_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void readAfterDelivered(RoomChannel channel) {
        long after = channel.delivered();
        while (true) {
            long from = after;
            List<RecordedEvent> page = QuarkusTransaction.requiringNew().call(() -> log.page(channel.roomId(), from, PAGE));
            if (page.isEmpty()) {
                return;
            }
            readFromLog.increment(page.size());
            offer(channel, page);
            if (page.size() < PAGE) {
                return;
            }
            after = page.get(page.size() - 1).seq();
        }
    }

    @PreDestroy
    void stop() {
        readers.shutdownNow();
    }
}
