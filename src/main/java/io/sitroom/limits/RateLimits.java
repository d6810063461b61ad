package io.sitroom.limits;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.sitroom.error.ErrorCode;
import io.sitroom.error.RetryLater;

/**
 * Per-user rate limits: commands (across REST and WebSocket), WebSocket upgrades, and each
 * connection's frames. Time comes from the application clock, so tests move it instead of racing it.
 */
@ApplicationScoped
public class RateLimits {

    private final LimitsConfig config;
    private final Clock clock;
    private final Map<UUID, TokenBucket> commands = new ConcurrentHashMap<>();
    private final Map<UUID, TokenBucket> upgrades = new ConcurrentHashMap<>();
    /** Joins by invitation code per client address (no account to count by); forgotten when the map grows large. */
    private final Map<String, TokenBucket> joins = new ConcurrentHashMap<>();
    /** Status page subscriptions per client address; forgotten when the map grows large. */
    private final Map<String, TokenBucket> subscribes = new ConcurrentHashMap<>();

    public RateLimits(LimitsConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Now, in nanoseconds of the application clock: what buckets and flood windows measure time in. */
    public long now() {
        Instant instant = clock.instant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    /** Refuses with {@code rate_limited} when the user has issued commands faster than allowed. */
    public void takeCommand(UUID userId) {
        long now = now();
        TokenBucket bucket = commands.computeIfAbsent(userId, id -> new TokenBucket(config.commandsPerSecond(), config.commandBurst(), now));
        if (!bucket.tryTake(now)) {
            throw new RetryLater(ErrorCode.RATE_LIMITED, "too many commands; slow down (at most "
                    + (int) config.commandsPerSecond() + " a second)", java.time.Duration.ofSeconds(1));
        }
    }

    /**
     * Whether the user may open another room connection now: a client that is closed for flooding
     * and comes straight back must not get a fresh allowance of frames each time.
     */
    public boolean mayUpgrade(UUID userId) {
        long now = now();
        return upgrades.computeIfAbsent(userId, id -> new TokenBucket(config.upgradesPerSecond(), config.upgradeBurst(), now))
                .tryTake(now);
    }

    /** After a connection of this user was closed for flooding: no burst of new connections, one a second at most. */
    public void spendUpgrades(UUID userId) {
        long now = now();
        upgrades.computeIfAbsent(userId, id -> new TokenBucket(config.upgradesPerSecond(), config.upgradeBurst(), now)).empty(now);
    }

    public TokenBucket newFrameBucket() {
        return new TokenBucket(config.framesPerSecond(), config.frameBurst(), now());
    }

    /**
     * Whether a client address may join a room with an invitation code now: joining makes a guest
     * account, so a stranger with a code must not make them by the hundred.
     */
    public boolean mayJoin(String address) {
        long now = now();
        if (joins.size() > 100_000) {
            joins.clear();
        }
        return joins.computeIfAbsent(address, a -> new TokenBucket(config.joinsPerMinute() / 60.0, config.joinsPerMinute(), now))
                .tryTake(now);
    }

    /** Whether a client address may ask for another status page subscription now. */
    public boolean maySubscribe(String address) {
        long now = now();
        if (subscribes.size() > 100_000) {
            subscribes.clear();
        }
        return subscribes.computeIfAbsent(address,
                a -> new TokenBucket(config.subscribesPerHour() / 3600.0, config.subscribesPerHour(), now)).tryTake(now);
    }
}
