package io.sitroom.live;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.WebSocketConnection;
import io.sitroom.room.RoomWriter;

/**
 * A node's graceful drain on SIGTERM, before Quarkus stops the HTTP server:
 * <ol>
 * <li>readiness turns DOWN and new sockets are refused with 503 and {@code Retry-After}, while REST is still
 * served, for {@link DrainConfig#readinessDelay()};</li>
 * <li>command frames are no longer taken (each is refused as {@code unavailable}: nothing was appended, send it
 * again after reconnecting), and the batches already queued commit and answer;</li>
 * <li>every socket is closed with 1001 and a reason naming the window in which to reconnect, at a random moment,
 * to another node (with {@code since=}, losing nothing);</li>
 * <li>new HTTP requests are refused with 503 and {@code Retry-After} (nothing was done: a balancer sends them to another
 * node), and the requests already taken are answered ({@link InFlightRequests}, at most {@link DrainConfig#requestWait()}).</li>
 * </ol>
 */
@ApplicationScoped
public class Drain {

    private static final Logger LOG = Logger.getLogger(Drain.class);
    /** WebSocket close code 1001 (Going Away): this node is going; reconnect and another one serves you. */
    static final int GOING_AWAY = 1001;

    private final OpenConnections connections;
    private final RoomWriter writer;
    private final DrainConfig config;
    private final InFlightRequests requests;
    private final AtomicBoolean draining = new AtomicBoolean();
    private volatile boolean closing;

    public Drain(OpenConnections connections, RoomWriter writer, DrainConfig config, InFlightRequests requests) {
        this.requests = requests;
        this.connections = connections;
        this.writer = writer;
        this.config = config;
    }

    /** Whether this node is draining: not ready, no new sockets. */
    public boolean draining() {
        return draining.get();
    }

    /** Whether command frames are refused: the sockets are about to be closed. */
    boolean closing() {
        return closing;
    }

    /** The close reason, which names the reconnect window the web client reads ("within N s"). */
    String reason() {
        return "the server is restarting: reconnect at a random moment within " + Math.max(1, config.reconnectWindow().toSeconds()) + " s";
    }

    /** Quarkus' pre-shutdown phase (SIGTERM; {@code quarkus.shutdown.delay-enabled}): runs the whole drain before it returns. */
    void onShutdown(@Observes ShutdownDelayInitiatedEvent event) {
        drain();
    }

    void drain() {
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        long start = System.nanoTime();
        LOG.infof("draining: readiness is DOWN and new sockets are refused; the %d open sockets are closed in %s",
                connections.listAll().size(), config.readinessDelay());
        pause(config.readinessDelay());
        closing = true;
        if (!writer.awaitIdle(config.batchWait())) {
            LOG.warnf("draining: command batches still queued after %s; closing the sockets anyway (their commands are either"
                    + " committed or not, and a client that sends them again learns which)", config.batchWait());
        }
        List<WebSocketConnection> open = List.copyOf(connections.listAll());
        CloseReason goingAway = new CloseReason(GOING_AWAY, reason());
        for (WebSocketConnection connection : open) {
            connection.close(goingAway).subscribe().with(ok -> {
            }, failure -> {
            });
        }
        awaitClosed(config.closeWait());
        int answering = requests.inFlight();
        int unanswered = requests.refuseNewAndAwait(config.requestWait());
        if (unanswered > 0) {
            LOG.warnf("draining: %d HTTP requests still unanswered after %s; stopping anyway", unanswered, config.requestWait());
        }
        LOG.infof("drained in %d ms: %d sockets closed with 1001, %d left; %d HTTP requests in flight answered",
                Duration.ofNanos(System.nanoTime() - start).toMillis(), open.size(), connections.listAll().size(), answering - unanswered);
    }

    private void awaitClosed(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!connections.listAll().isEmpty() && System.nanoTime() < deadline) {
            pause(Duration.ofMillis(20));
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
