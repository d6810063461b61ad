package io.sitroom.exercise;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.sitroom.role.Role;
import io.sitroom.room.EventKind;
import io.sitroom.room.EventPayload;

/** Events of an exercise's playback. {@code scenarioMs} is the scenario time when it happened. */
public sealed interface ExerciseEvent extends EventPayload {

    @EventKind("exercise.started")
    record Started(String scenarioId, double speed) implements ExerciseEvent {
    }

    @EventKind("exercise.paused")
    record Paused(long scenarioMs) implements ExerciseEvent {
    }

    @EventKind("exercise.resumed")
    record Resumed(long scenarioMs) implements ExerciseEvent {
    }

    @EventKind("exercise.speed_changed")
    record SpeedChanged(double from, double to, long scenarioMs) implements ExerciseEvent {
    }

    @EventKind("exercise.ended")
    record Ended(long scenarioMs) implements ExerciseEvent {
    }

    /**
     * For everyone: the facilitator released the after-action report, so every member now reads the
     * exercise's score and the report (docs/protocol.md "Exercises").
     */
    @EventKind("report.released")
    record ReportReleased(long scenarioMs) implements ExerciseEvent {
    }

    /**
     * Visible to the roles in {@code to} and the facilitator; never carries the facilitator's notes.
     * {@code medium}: how it reaches the players; left out of the data for a plain inject (as in every
     * event written before media existed, which decodes with a null medium).
     */
    @EventKind("inject.delivered")
    record InjectDelivered(String injectId, String title, String body, Set<Role> to, List<String> prompts, long scenarioMs,
            boolean manual, @JsonInclude(JsonInclude.Include.NON_NULL) Medium medium) implements ExerciseEvent {
        @Override
        public String brief() {
            return title;
        }
    }

    @EventKind("inject.responded")
    record InjectResponded(String injectId, String text) implements ExerciseEvent {
        @Override
        public String brief() {
            return text;
        }
    }

    /** For the facilitator: an expectation met, by the event at {@code bySeq}. */
    @EventKind("expectation.met")
    record ExpectationMet(String expectationId, String injectId, Role role, String action, long bySeq, long scenarioMs)
            implements ExerciseEvent {
        @Override
        public String brief() {
            return expectationId;
        }
    }

    /** For the facilitator: an expectation whose time ran out unmet. */
    @EventKind("expectation.missed")
    record ExpectationMissed(String expectationId, String injectId, Role role, String action, long dueScenarioMs)
            implements ExerciseEvent {
        @Override
        public String brief() {
            return expectationId;
        }
    }

    // --- improvisation: for the facilitator only (an upcoming inject is the facilitator's to know)

    /** The facilitator added an inject at scenario time {@code scenarioMs}; it falls due at {@code atMs} (null: by hand). */
    @EventKind("inject.added")
    record InjectAdded(String injectId, String title, String body, Set<Role> to, List<String> prompts, Long atMs, long scenarioMs,
            @JsonInclude(JsonInclude.Include.NON_NULL) Medium medium) implements ExerciseEvent {
        @Override
        public String brief() {
            return title;
        }
    }

    /** The facilitator changed an upcoming inject; a null field was left as it was ({@code medium}: a new one replaces it). */
    @EventKind("inject.edited")
    record InjectEdited(String injectId, String title, String body, Set<Role> to, List<String> prompts, long scenarioMs,
            @JsonInclude(JsonInclude.Include.NON_NULL) Medium medium) implements ExerciseEvent {
        @Override
        public String brief() {
            return injectId;
        }
    }

    /** The facilitator dropped an upcoming inject: it is never delivered. */
    @EventKind("inject.dropped")
    record InjectDropped(String injectId, long scenarioMs) implements ExerciseEvent {
        @Override
        public String brief() {
            return injectId;
        }
    }

    /** The facilitator moved an upcoming inject from {@code fromMs} (null: it had no fixed time) to {@code atMs}. */
    @EventKind("inject.moved")
    record InjectMoved(String injectId, Long fromMs, long atMs, long scenarioMs) implements ExerciseEvent {
        @Override
        public String brief() {
            return injectId;
        }
    }

    // --- scheduling

    /** For everyone: the exercise is planned to start at {@code startsAt} (null: no longer scheduled). */
    @EventKind("exercise.scheduled")
    record Scheduled(Instant startsAt) implements ExerciseEvent {
    }

    /** For the facilitator and the confirming roles: a player confirmed before the start that their roles are ready. */
    @EventKind("exercise.ready_confirmed")
    record ReadyConfirmed(Set<Role> roles) implements ExerciseEvent {
    }
}
