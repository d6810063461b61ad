package io.sitroom.exercise;

import java.util.Map;

/** What the playback decider knows of an exercise: its clock, what was delivered when, and each expectation's state. */
public record PlaybackState(String scenarioId, ScenarioClock clock, Map<String, Long> delivered, Map<String, ExpectationState> expectations) {

    public enum Outcome {
        PENDING,
        MET,
        MISSED;

        public String wire() {
            return name().toLowerCase();
        }
    }

    public record ExpectationState(Outcome outcome, long dueScenarioMs) {
    }

    public PlaybackState {
        delivered = Map.copyOf(delivered);
        expectations = Map.copyOf(expectations);
    }

    public ExerciseStatus status() {
        return clock.status();
    }
}
