package io.sitroom.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import io.sitroom.error.RetryLater;
import io.sitroom.error.ErrorCode;

/** The throttle's rules, on a clock the test moves (no Quarkus). */
class SignInThrottleTest {

    private static final class Limits implements SecurityConfig.SignIn {
        public int failuresPerAddress() {
            return 4;
        }

        public int failuresPerUserAndAddress() {
            return 2;
        }

        public Duration firstBackoff() {
            return Duration.ofSeconds(1);
        }

        public Duration maxBackoff() {
            return Duration.ofMinutes(15);
        }

        public Duration forgetAfter() {
            return Duration.ofHours(1);
        }

        public OptionalInt concurrentPasswordChecks() {
            return OptionalInt.empty();
        }

        public Duration passwordCheckWait() {
            return Duration.ofSeconds(2);
        }
    }

    private final java.time.Clock clock = java.time.Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    private final SignInThrottle throttle = new SignInThrottle(clock, new Limits());

    @Test
    void guessingOneAccount_holdsBackThatAccountFromThatAddress_only() {
        throttle.failed("alice", "198.51.100.1");
        throttle.failed("alice", "198.51.100.1");
        throttle.failed("alice", "198.51.100.1");
        RetryLater held = assertThrows(RetryLater.class, () -> throttle.check("alice", "198.51.100.1"));
        assertEquals(ErrorCode.RATE_LIMITED, held.code());
        assertEquals(1, held.retryAfterSeconds());
        assertDoesNotThrow(() -> throttle.check("ALICE", "198.51.100.2"), "the owner elsewhere is not locked out");
        assertDoesNotThrow(() -> throttle.check("bob", "198.51.100.1"), "nor other accounts from the address (yet)");
    }

    @Test
    void guessingManyAccounts_holdsBackTheAddress_forEveryUsername() {
        for (String user : new String[] { "a", "b", "c", "d", "e" }) {
            throttle.failed(user, "203.0.113.9");
        }
        assertThrows(RetryLater.class, () -> throttle.check("someone-else", "203.0.113.9"));
        assertDoesNotThrow(() -> throttle.check("someone-else", "203.0.113.10"));
    }

    @Test
    void aSuccess_clearsTheAccountsCount_butNotTheAddresss() {
        for (String user : new String[] { "a", "b", "c", "d" }) {
            throttle.failed(user, "192.0.2.7");
        }
        throttle.failed("mine", "192.0.2.7");
        throttle.succeeded("mine", "192.0.2.7");
        assertThrows(RetryLater.class, () -> throttle.check("mine", "192.0.2.7"),
                "signing into one's own account between guesses does not reset the address");
    }
}
