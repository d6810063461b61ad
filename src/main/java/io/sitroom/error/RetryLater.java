package io.sitroom.error;

import java.time.Duration;


/**
 * A refusal that passes with time: {@code rate_limited} (429) or {@code unavailable} (503), answered with a
 * {@code Retry-After} header in whole seconds (at least 1) besides the protocol's error body.
 */
public class RetryLater extends SitroomException {

    private final Duration after;

    public RetryLater(ErrorCode code, String message, Duration after) {
        super(code, message);
        this.after = after;
    }

    /** Seconds until trying again may succeed, rounded up, at least 1. */
    public long retryAfterSeconds() {
        long seconds = after.getSeconds() + (after.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
