package io.sitroom.exercise;

import java.util.List;
import java.util.Set;

import io.sitroom.role.Role;
import io.sitroom.room.EventPayload;

/** Events of an exercise's playback. {@code scenarioMs} is the scenario time when it happened. */
public sealed interface ExerciseEvent extends EventPayload {

    record Started(String scenarioId, double speed) implements ExerciseEvent {
        @Override
        public String kind() {
            return "exercise.started";
        }
    }

    record Paused(long scenarioMs) implements ExerciseEvent {
        @Override
        public String kind() {
            return "exercise.paused";
        }
    }

    record Resumed(long scenarioMs) implements ExerciseEvent {
        @Override
        public String kind() {
            return "exercise.resumed";
        }
    }

    record SpeedChanged(double from, double to, long scenarioMs) implements ExerciseEvent {
        @Override
        public String kind() {
            return "exercise.speed_changed";
        }
    }

    record Ended(long scenarioMs) implements ExerciseEvent {
        @Override
        public String kind() {
            return "exercise.ended";
        }
    }

    /** Visible to the roles in {@code to} and the facilitator; never carries the facilitator's notes. */
    record InjectDelivered(String injectId, String title, String body, Set<Role> to, List<String> prompts, long scenarioMs,
            boolean manual) implements ExerciseEvent {
        @Override
        public String kind() {
            return "inject.delivered";
        }
    }

    record InjectResponded(String injectId, String text) implements ExerciseEvent {
        @Override
        public String kind() {
            return "inject.responded";
        }
    }

    /** For the facilitator: an expectation met, by the event at {@code bySeq}. */
    record ExpectationMet(String expectationId, String injectId, Role role, String action, long bySeq, long scenarioMs)
            implements ExerciseEvent {
        @Override
        public String kind() {
            return "expectation.met";
        }
    }

    /** For the facilitator: an expectation whose time ran out unmet. */
    record ExpectationMissed(String expectationId, String injectId, Role role, String action, long dueScenarioMs)
            implements ExerciseEvent {
        @Override
        public String kind() {
            return "expectation.missed";
        }
    }
}
