package io.sitroom.security;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.sitroom.error.RetryLater;
import io.sitroom.error.ErrorCode;

/**
 * At most {@code permits} pieces of expensive work at once; a caller waits up to {@code wait} for its turn and is
 * then refused ({@code unavailable}, retry after a second). Keeps a flood of sign-ins from queueing seconds of
 * bcrypt on every worker thread.
 */
final class ConcurrencyGate {

    private final Semaphore permits;
    private final Duration wait;

    ConcurrencyGate(int permits, Duration wait) {
        this.permits = new Semaphore(Math.max(1, permits), true);
        this.wait = wait;
    }

    <T> T call(Supplier<T> work) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new RetryLater(ErrorCode.UNAVAILABLE, "the server is busy checking passwords; try again in a moment", Duration.ofSeconds(1));
        }
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }
}
