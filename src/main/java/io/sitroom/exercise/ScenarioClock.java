package io.sitroom.exercise;

import java.time.Duration;
import java.time.Instant;

/**
 * Scenario time: {@code anchorScenarioMs} at the anchor, plus, while running, the wall time since
 * {@code anchorAt} times the speed. Pausing or changing speed moves the anchor to now.
 */
public record ScenarioClock(ExerciseStatus status, double speed, long anchorScenarioMs, Instant anchorAt) {

    public static final double MIN_SPEED = 0.1;
    public static final double MAX_SPEED = 1000;

    public long elapsedMs(Instant now) {
        if (status != ExerciseStatus.RUNNING || anchorAt == null) {
            return anchorScenarioMs;
        }
        long wallMs = Math.max(0, Duration.between(anchorAt, now).toMillis());
        return anchorScenarioMs + (long) Math.floor(wallMs * speed);
    }

    /** The wall time at which scenario time reaches {@code scenarioMs}; null unless running. */
    public Instant wallTimeOf(long scenarioMs) {
        if (status != ExerciseStatus.RUNNING || anchorAt == null) {
            return null;
        }
        long wallMs = (long) Math.ceil(Math.max(0, scenarioMs - anchorScenarioMs) / speed);
        return anchorAt.plusMillis(wallMs);
    }
}
