package io.sitroom.limits;

/**
 * A token bucket: {@code capacity} tokens at most, refilled at {@code perSecond}. Pure; the caller
 * passes the time in nanoseconds (a clock set back refills nothing). Thread-safe.
 */
public final class TokenBucket {

    private final double capacity;
    private final double perNano;
    private double tokens;
    private long last;

    public TokenBucket(double perSecond, double capacity, long nowNanos) {
        this.capacity = capacity;
        this.perNano = perSecond / 1_000_000_000.0;
        this.tokens = capacity;
        this.last = nowNanos;
    }

    /** Takes every token: the next one comes at the refill rate. */
    public synchronized void empty(long nowNanos) {
        tokens = 0;
        last = nowNanos;
    }

    /** Takes one token if there is one. */
    public synchronized boolean tryTake(long nowNanos) {
        tokens = Math.min(capacity, tokens + Math.max(0, nowNanos - last) * perNano);
        last = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
