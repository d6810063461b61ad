package io.sitroom.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.sitroom.room.RoomKind;

class RetentionPolicyTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final RetentionPolicy POLICY = new RetentionPolicy(Optional.empty(), Optional.of(Duration.ofDays(90)));

    @Test
    void aKindWithoutAPeriod_isKeptForGood() {
        assertEquals(Optional.empty(), POLICY.cutoff(RoomKind.INCIDENT, NOW));
        assertFalse(POLICY.due(RoomKind.INCIDENT, true, false, NOW.minus(Duration.ofDays(10_000)), NOW));
    }

    @Test
    void aFinishedUnheldRoom_isDueOnceItsLastEventIsOlderThanThePeriod() {
        assertTrue(POLICY.due(RoomKind.EXERCISE, true, false, NOW.minus(Duration.ofDays(91)), NOW));
        assertFalse(POLICY.due(RoomKind.EXERCISE, true, false, NOW.minus(Duration.ofDays(90)), NOW), "exactly the period: not yet");
        assertFalse(POLICY.due(RoomKind.EXERCISE, false, false, NOW.minus(Duration.ofDays(91)), NOW), "not finished");
        assertFalse(POLICY.due(RoomKind.EXERCISE, true, true, NOW.minus(Duration.ofDays(91)), NOW), "under legal hold");
    }
}
