package io.sitroom.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed attempts per key with exponential back-off: the first {@code free} failures cost nothing; each one after
 * them blocks the key for {@code first}, then twice as long, and so on up to {@code max}. A key whose last
 * failure is {@code forgetAfter} old (and that is not blocked) starts again from nothing; a success clears it.
 * Pure (the caller passes the time) and thread-safe.
 */
final class FailureBackoff {

    /** Keys kept at most; past that, forgotten keys are dropped, and if that is not enough, all of them. */
    static final int MAX_KEYS = 100_000;

    private record Failures(int count, Instant last, Instant blockedUntil) {
    }

    private final int free;
    private final Duration first;
    private final Duration max;
    private final Duration forgetAfter;
    private final Map<String, Failures> byKey = new ConcurrentHashMap<>();

    FailureBackoff(int free, Duration first, Duration max, Duration forgetAfter) {
        this.free = free;
        this.first = first;
        this.max = max;
        this.forgetAfter = forgetAfter;
    }

    /** How long the key is still blocked for, if it is. */
    Optional<Duration> blockedFor(String key, Instant now) {
        Failures failures = byKey.get(key);
        if (failures == null || failures.blockedUntil() == null || !now.isBefore(failures.blockedUntil())) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, failures.blockedUntil()));
    }

    void failed(String key, Instant now) {
        if (byKey.size() >= MAX_KEYS) {
            byKey.values().removeIf(failures -> forgotten(failures, now));
            if (byKey.size() >= MAX_KEYS) {
                byKey.clear();
            }
        }
        byKey.compute(key, (k, before) -> {
            int count = before == null || forgotten(before, now) ? 1 : before.count() + 1;
            return new Failures(count, now, count > free ? now.plus(delay(count - free)) : null);
        });
    }

    void succeeded(String key) {
        byKey.remove(key);
    }

    /** The block after the {@code over}-th failure beyond the free ones (1, 2, ...). */
    Duration delay(int over) {
        int doublings = Math.min(over - 1, 40);
        Duration delay = doublings >= 40 ? max : first.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }

    private boolean forgotten(Failures failures, Instant now) {
        boolean quiet = !now.isBefore(failures.last().plus(forgetAfter));
        boolean unblocked = failures.blockedUntil() == null || !now.isBefore(failures.blockedUntil());
        return quiet && unblocked;
    }
}
