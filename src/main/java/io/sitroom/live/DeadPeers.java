package io.sitroom.live;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.WebSocketConnection;
import io.sitroom.limits.LimitsConfig;
import io.vertx.core.buffer.Buffer;

/**
 * Pings every socket each {@code sitroom.limits.ping-interval} and closes the ones that stopped answering: a
 * peer that vanished without closing (a laptop lid shut, a network gone) would otherwise stay connected for
 * hours, holding one of its user's {@code connections-per-user} places and the frames queued for it.
 */
@ApplicationScoped
public class DeadPeers {

    private static final Logger LOG = Logger.getLogger(DeadPeers.class);
    private static final Buffer PING = Buffer.buffer("sitroom");

    private final OpenConnections connections;
    private final LiveSessions sessions;
    private final LimitsConfig limits;
    private final Clock clock;

    public DeadPeers(OpenConnections connections, LiveSessions sessions, LimitsConfig limits, Clock clock) {
        this.connections = connections;
        this.sessions = sessions;
        this.limits = limits;
        this.clock = clock;
    }

    /** Pure: whether a peer last heard at {@code lastHeardMs} is dead at {@code nowMs}. */
    static boolean isDead(long lastHeardMs, long nowMs, Duration pingInterval, int missedPings) {
        return nowMs - lastHeardMs > pingInterval.toMillis() * missedPings;
    }

    /** Closes the dead and pings the rest (every ping interval; tests call it after moving the clock). */
    @Scheduled(every = "${sitroom.limits.ping-interval:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void sweep() {
        long now = clock.millis();
        for (WebSocketConnection connection : connections.listAll()) {
            Long lastHeard = connection.userData().get(LiveSessions.LAST_HEARD);
            if (lastHeard == null) {
                sessions.heard(connection); // not a room socket (a replay): counted from its first ping
            } else if (isDead(lastHeard, now, limits.pingInterval(), limits.missedPings())) {
                closeDead(connection);
                continue;
            }
            connection.sendPing(PING).subscribe().with(ok -> {
            }, failure -> {
            });
        }
    }

    private void closeDead(WebSocketConnection connection) {
        LOG.infof("connection %s answered no ping for %d intervals of %s: closing it", connection.id(), limits.missedPings(),
                limits.pingInterval());
        // Freed now: a dead peer never answers the close, which may then take a while to time out.
        sessions.close(connection);
        connection.close(new CloseReason(CloseReason.NORMAL.getCode(), "no answer to pings")).subscribe().with(ok -> {
        }, failure -> {
        });
    }
}
