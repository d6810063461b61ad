package io.sitroom.limits;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.sitroom.error.ErrorCode;
import io.sitroom.error.SitroomException;

/** Per-user command rate limits, across REST and WebSocket. */
@ApplicationScoped
public class RateLimits {

    private final LimitsConfig config;
    private final Map<UUID, TokenBucket> commands = new ConcurrentHashMap<>();

    public RateLimits(LimitsConfig config) {
        this.config = config;
    }

    /** Refuses with {@code rate_limited} when the user has issued commands faster than allowed. */
    public void takeCommand(UUID userId) {
        long now = System.nanoTime();
        TokenBucket bucket = commands.computeIfAbsent(userId, id -> new TokenBucket(config.commandsPerSecond(), config.commandBurst(), now));
        if (!bucket.tryTake(now)) {
            throw new SitroomException(ErrorCode.RATE_LIMITED, "too many commands; slow down (at most "
                    + (int) config.commandsPerSecond() + " a second)");
        }
    }

    public TokenBucket newFrameBucket() {
        return new TokenBucket(config.framesPerSecond(), config.frameBurst(), System.nanoTime());
    }
}
