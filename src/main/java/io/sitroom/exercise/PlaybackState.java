package io.sitroom.exercise;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.sitroom.role.Role;

/**
 * What the playback decider knows of an exercise: its clock, what was delivered when, each
 * expectation's state, and what the facilitator improvised ({@code changes}, per inject id).
 */
public record PlaybackState(String scenarioId, ScenarioClock clock, Map<String, Long> delivered, Map<String, ExpectationState> expectations,
        Map<String, InjectChange> changes) {

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

    /**
     * How the script differs from the scenario for one inject: {@code added} by the facilitator (then
     * every field is set but {@code atMs}, null for "by hand"), {@code dropped}, or changed (a null
     * field is as in the scenario; {@code atMs} set when it was moved). {@code seq}: the event that
     * first changed it (added injects play in that order). {@code medium}: null is as in the scenario
     * (an added inject: a plain message).
     */
    public record InjectChange(long seq, boolean added, boolean dropped, String title, String body, Set<Role> to, List<String> prompts, Long atMs,
            Medium medium) {
    }

    public PlaybackState {
        delivered = Map.copyOf(delivered);
        expectations = Map.copyOf(expectations);
        changes = Map.copyOf(changes);
    }

    public PlaybackState(String scenarioId, ScenarioClock clock, Map<String, Long> delivered, Map<String, ExpectationState> expectations) {
        this(scenarioId, clock, delivered, expectations, Map.of());
    }

    public ExerciseStatus status() {
        return clock.status();
    }
}
