package io.sitroom.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.sitroom.clock.MutableClock;

/** When a person's notifications are mailed: the batch window, digests, and the hourly limit, on a moved clock. */
class BatchingTest {

    private static final Batching.Rules RULES = new Batching.Rules(Duration.ofMinutes(2), Duration.ofHours(1), 3);

    @Test
    void immediate_waitsForTheBatchWindow_fromTheOldestPending() {
        MutableClock clock = new MutableClock();
        clock.freeze();
        Instant first = clock.instant();
        clock.advance(Duration.ofSeconds(119));
        assertFalse(Batching.due(first, false, List.of(), RULES, clock.instant()), "inside the window: later ones may still join");
        clock.advance(Duration.ofSeconds(1));
        assertTrue(Batching.due(first, false, List.of(), RULES, clock.instant()));
    }

    @Test
    void digest_waitsForTheDigestInterval() {
        Instant first = Instant.parse("2026-01-01T10:00:00Z");
        assertFalse(Batching.due(first, true, List.of(), RULES, first.plus(Duration.ofMinutes(59))));
        assertTrue(Batching.due(first, true, List.of(), RULES, first.plus(Duration.ofMinutes(60))));
    }

    @Test
    void hourlyLimit_holdsTheNextMail_untilTheOldestOfTheHourIsAnHourOld() {
        MutableClock clock = new MutableClock();
        clock.freeze();
        List<Instant> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sent.add(clock.instant());
            clock.advance(Duration.ofMinutes(10));
        }
        Instant pending = clock.instant();
        clock.advance(Duration.ofMinutes(5));
        assertFalse(Batching.due(pending, false, sent, RULES, clock.instant()), "three mails in the last hour: the fourth waits");
        assertEquals(sent.get(0).plus(Duration.ofHours(1)), Batching.sendAt(pending, false, sent, RULES));
        clock.advance(Duration.between(clock.instant(), sent.get(0).plus(Duration.ofHours(1))));
        assertTrue(Batching.due(pending, false, sent, RULES, clock.instant()), "once the first is an hour old, the next may go");
    }

    @Test
    void underTheLimit_theWindowAloneDecides() {
        Instant now = Instant.parse("2026-01-01T10:00:00Z");
        List<Instant> sent = List.of(now.minus(Duration.ofMinutes(50)), now.minus(Duration.ofMinutes(20)));
        assertEquals(now.plus(Duration.ofMinutes(2)), Batching.sendAt(now, false, sent, RULES));
    }
}
