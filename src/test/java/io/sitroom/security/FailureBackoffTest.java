package io.sitroom.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class FailureBackoffTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private final FailureBackoff backoff = new FailureBackoff(3, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(1));

    @Test
    void theFreeFailures_blockNothing_andEachOneAfterThemDoublesTheBlock() {
        for (int i = 0; i < 3; i++) {
            backoff.failed("k", T0);
        }
        assertEquals(Optional.empty(), backoff.blockedFor("k", T0));
        backoff.failed("k", T0);
        assertEquals(Optional.of(Duration.ofSeconds(1)), backoff.blockedFor("k", T0));
        backoff.failed("k", T0.plusSeconds(1));
        assertEquals(Optional.of(Duration.ofSeconds(2)), backoff.blockedFor("k", T0.plusSeconds(1)));
        assertEquals(Optional.empty(), backoff.blockedFor("k", T0.plusSeconds(3)), "the block passes with time");
        assertEquals(Optional.empty(), backoff.blockedFor("other", T0), "keys are counted apart");
    }

    @Test
    void theBlock_isCapped() {
        assertEquals(Duration.ofSeconds(1), backoff.delay(1));
        assertEquals(Duration.ofSeconds(512), backoff.delay(10));
        assertEquals(Duration.ofMinutes(15), backoff.delay(11));
        assertEquals(Duration.ofMinutes(15), backoff.delay(10_000));
    }

    @Test
    void failures_areForgotten_anHourAfterTheLast() {
        for (int i = 0; i < 4; i++) {
            backoff.failed("k", T0);
        }
        Instant later = T0.plus(Duration.ofHours(1));
        backoff.failed("k", later);
        assertEquals(Optional.empty(), backoff.blockedFor("k", later), "counting starts again: one failure is free");
    }

    @Test
    void aSuccess_clearsTheKey() {
        for (int i = 0; i < 4; i++) {
            backoff.failed("k", T0);
        }
        assertTrue(backoff.blockedFor("k", T0).isPresent());
        backoff.succeeded("k");
        assertEquals(Optional.empty(), backoff.blockedFor("k", T0));
        backoff.failed("k", T0);
        assertEquals(Optional.empty(), backoff.blockedFor("k", T0));
    }
}
