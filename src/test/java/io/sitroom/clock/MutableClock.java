package io.sitroom.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Singleton;

/**
 * The application's clock in tests: real time plus an offset that tests move forward, so that
 * expiry and timers can be exercised without sleeping. Replaces the default clock bean.
 */
@Singleton
public class MutableClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final AtomicReference<Instant> frozenAt = new AtomicReference<>();

    public void advance(Duration duration) {
        offset.updateAndGet(current -> current.plus(duration));
        frozenAt.updateAndGet(frozen -> frozen == null ? null : frozen.plus(duration));
    }

    /** Stops time (until {@link #unfreeze()}): only {@link #advance} moves it, so fast playback is exact. */
    public void freeze() {
        frozenAt.compareAndSet(null, instant());
    }

    /** Lets time run again from where it stood. */
    public void unfreeze() {
        Instant frozen = frozenAt.getAndSet(null);
        if (frozen != null) {
            offset.set(Duration.between(Instant.now(), frozen));
        }
    }

    @Override
    public Instant instant() {
        Instant frozen = frozenAt.get();
        return frozen != null ? frozen : Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the application clock is UTC");
    }
}
