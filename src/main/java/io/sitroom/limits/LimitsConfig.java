package io.sitroom.limits;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits that keep one client from degrading a room for everyone else. */
@ConfigMapping(prefix = "sitroom.limits")
public interface LimitsConfig {

    /** The largest request body, in bytes, on every path but {@link #largeBodyPaths()}. */
    @WithDefault("1048576")
    long maxBodySize();

    /**
     * Paths whose bodies only the HTTP layer's {@code quarkus.http.limits.max-body-size} bounds: alert
     * intake, where one notification carries a whole alert group.
     */
    @WithDefault("/api/alerts")
    List<String> largeBodyPaths();

    /** Frames one WebSocket connection may send per second (sustained), and in a burst. */
    @WithDefault("200")
    double framesPerSecond();

    @WithDefault("1000")
    double frameBurst();

    /** Commands one user may issue per second over all transports (sustained), and in a burst. */
    @WithDefault("100")
    double commandsPerSecond();

    @WithDefault("1000")
    double commandBurst();

    /** Open WebSocket connections per user. */
    @WithDefault("20")
    int connectionsPerUser();

    /** Room connections a user may open per second, sustained... */
    @WithDefault("1")
    double upgradesPerSecond();

    /** ...and at once (every tab of a user reconnecting after a restart). */
    @WithDefault("20")
    double upgradeBurst();

    /**
     * A connection that has this many frames dropped for going over its rate within one second is
     * flooding, not merely eager: it is closed (1008).
     */
    @WithDefault("1000")
    int floodCloseAfter();

    /**
     * Connections reading their welcome (snapshot, missed events) from the database at once, per node;
     * the others wait their turn. A reconnect storm of thousands then queues in memory instead of
     * exhausting the connection pool (whose other connections stay free for commands and REST).
     */
    @WithDefault("16")
    int concurrentWelcomes();

    /** Joins by invitation code per client address and minute (and at once). */
    @WithDefault("10")
    int joinsPerMinute();

    /**
     * Subscriptions to the status page one client address may ask for per hour (each may mail a confirmation
     * link), so its form cannot be used to mail-bomb anyone.
     */
    @WithDefault("20")
    int subscribesPerHour();

    /** Frames waiting to be written to one connection before it counts as a slow consumer and is closed. */
    @WithDefault("5000")
    int maxPendingFrames();

    /** How often the server pings every socket (WebSocket ping frames; browsers answer them by themselves). */
    @WithDefault("30s")
    java.time.Duration pingInterval();

    /**
     * Pings a socket may leave unanswered (nothing heard from it for that many intervals) before it is taken for
     * dead: closed, and its place among its user's connections freed.
     */
    @WithDefault("3")
    int missedPings();

    /** Origins (scheme://host[:port]) allowed, besides the server's own, to open WebSockets and to send requests by the session cookie. */
    Optional<List<String>> allowedOrigins();
}
