package io.sitroom.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.sitroom.room.RoomKind;

/** Which finished rooms are past their kind's retention period. Pure. */
record RetentionPolicy(Optional<Duration> incident, Optional<Duration> exercise) {

    static RetentionPolicy of(RetentionConfig config) {
        return new RetentionPolicy(config.incident(), config.exercise());
    }

    Optional<Duration> keepFor(RoomKind kind) {
        return kind == RoomKind.EXERCISE ? exercise : incident;
    }

    /** The time before which a room's last event must lie for it to be deleted now; empty when its kind is kept for good. */
    Optional<Instant> cutoff(RoomKind kind, Instant now) {
        return keepFor(kind).map(now::minus);
    }

    /** Whether a room is to be deleted now: finished, not held, its last event older than its kind's period. */
    boolean due(RoomKind kind, boolean finished, boolean held, Instant lastEventAt, Instant now) {
        return finished && !held && cutoff(kind, now).map(lastEventAt::isBefore).orElse(false);
    }
}
