package io.sitroom.retention;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How long finished rooms are kept, per kind of room (docs/operations.md, "Retention"): a room is deleted once it
 * is finished (an incident closed, an exercise ended or closed) and its last event is older than its kind's
 * period, unless it is under legal hold. Unset, a kind's rooms are kept for good (the default for both).
 */
@ConfigMapping(prefix = "sitroom.retention")
public interface RetentionConfig {

    /** For example {@code P365D}; unset: incidents are kept for good. */
    Optional<Duration> incident();

    /** For example {@code P90D}; unset: exercises are kept for good. */
    Optional<Duration> exercise();

    /** Rooms deleted per sweep at most (the next sweep goes on). */
    @WithDefault("100")
    int batch();
}
