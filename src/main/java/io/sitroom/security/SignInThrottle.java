package io.sitroom.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.sitroom.error.RetryLater;
import io.sitroom.error.ErrorCode;

/**
 * Slows password guessing down without letting a stranger lock an account's owner out: failed sign-ins are
 * counted per client address (many usernames guessed from one place) and per username <em>and</em> address
 * (one account guessed from one place), each with its own back-off. Nothing is counted per username alone,
 * so guesses from elsewhere never block the owner's right password from their own address. Kept in each
 * node's memory; time from the application clock.
 */
@ApplicationScoped
public class SignInThrottle {

    private final Clock clock;
    private final FailureBackoff byAddress;
    private final FailureBackoff byUserAndAddress;

    @Inject
    public SignInThrottle(Clock clock, SecurityConfig config) {
        this(clock, config.signIn());
    }

    SignInThrottle(Clock clock, SecurityConfig.SignIn limits) {
        this.clock = clock;
        this.byAddress = new FailureBackoff(limits.failuresPerAddress(), limits.firstBackoff(), limits.maxBackoff(), limits.forgetAfter());
        this.byUserAndAddress = new FailureBackoff(limits.failuresPerUserAndAddress(), limits.firstBackoff(), limits.maxBackoff(),
                limits.forgetAfter());
    }

    /** Refuses ({@code rate_limited}, with the time to wait) while the address, or this username from it, is held back. */
    public void check(String username, String address) {
        Instant now = clock.instant();
        Optional<Duration> wait = longer(byAddress.blockedFor(address, now), byUserAndAddress.blockedFor(pair(username, address), now));
        if (wait.isPresent()) {
            throw new RetryLater(ErrorCode.RATE_LIMITED, "too many failed sign-ins from this address; try again later", wait.get());
        }
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        byAddress.failed(address, now);
        byUserAndAddress.failed(pair(username, address), now);
    }

    /**
     * The right password for this username from this address: its own count starts again. The address's count
     * does not (signing into one's own account between guesses at others must not reset it); it fades with time.
     */
    public void succeeded(String username, String address) {
        byUserAndAddress.succeeded(pair(username, address));
    }

    private static String pair(String username, String address) {
        return address + "\n" + (username == null ? "" : username.toLowerCase(Locale.ROOT));
    }

    private static Optional<Duration> longer(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return Optional.of(a.get().compareTo(b.get()) >= 0 ? a.get() : b.get());
    }
}
