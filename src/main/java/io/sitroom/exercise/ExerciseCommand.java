package io.sitroom.exercise;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.sitroom.error.SitroomException;
import io.sitroom.role.Role;
import io.sitroom.room.Command;
import io.sitroom.room.Fields;

/** The facilitator's playback controls, and a player's response to an inject. */
public sealed interface ExerciseCommand extends Command {

    static Double checkSpeed(Double speed) {
        if (speed != null && (speed.isNaN() || speed < ScenarioClock.MIN_SPEED || speed > ScenarioClock.MAX_SPEED)) {
            throw SitroomException.invalid("speed must be from " + ScenarioClock.MIN_SPEED + " to " + (int) ScenarioClock.MAX_SPEED);
        }
        return speed;
    }

    record Start(Double speed) implements ExerciseCommand {
        public Start {
            checkSpeed(speed);
        }
    }

    record Pause() implements ExerciseCommand {
    }

    record Resume() implements ExerciseCommand {
    }

    record ChangeSpeed(Double speed) implements ExerciseCommand {
        public ChangeSpeed {
            Fields.required(speed, "speed");
            checkSpeed(speed);
        }
    }

    record End() implements ExerciseCommand {
    }

    /** Release the after-action report, and with it the score, to every member (once the exercise has ended). */
    record ReleaseReport() implements ExerciseCommand {
    }

    /** Deliver an inject now, whatever its timing. */
    record Deliver(String injectId) implements ExerciseCommand {
        public Deliver {
            injectId = Fields.text(injectId, "injectId", 64);
        }
    }

    /** A player's response to an inject they received: an acknowledgement, with words or without. */
    record Respond(String injectId, String text) implements ExerciseCommand {
        public Respond {
            injectId = Fields.text(injectId, "injectId", 64);
            text = Fields.optionalText(text, "text", 10_000);
        }
    }

    // --- improvisation (issue 18, item 3): the facilitator changes the script during play

    /** An inject's id: as in a scenario file, lower-case letters, digits, '-' and '_'. */
    Pattern INJECT_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    static String checkInjectId(String id) {
        if (id != null && !INJECT_ID.matcher(id).matches()) {
            throw SitroomException.invalid("field 'injectId' must be lower-case letters, digits, '-' and '_' (at most 64)");
        }
        return id;
    }

    static List<String> checkPrompts(List<String> prompts) {
        if (prompts == null) {
            return null;
        }
        if (prompts.size() > 20) {
            throw SitroomException.invalid("field 'prompts' holds more than 20 questions");
        }
        return prompts.stream().map(p -> Fields.text(p, "prompts", 1_000)).toList();
    }

    static Long checkAt(Long atMs, String field) {
        if (atMs != null && atMs < 0) {
            throw SitroomException.invalid("field '" + field + "' must not be negative");
        }
        return atMs;
    }

    /**
     * Adds an inject to the script: delivered at scenario time {@code atMs}, or only by hand
     * ({@code exercise.inject}) when it is null. {@code injectId} is chosen by the server when null;
     * {@code medium}: how it reaches the players (null: a plain message).
     */
    record AddInject(String injectId, String title, String body, Set<Role> to, List<String> prompts, Long atMs, Medium medium)
            implements ExerciseCommand {
        public AddInject {
            injectId = checkInjectId(Fields.optionalText(injectId, "injectId", 64));
            title = Fields.text(title, "title", 200);
            body = Fields.text(body, "body", 10_000);
            to = Set.copyOf(Fields.nonEmpty(to, "to"));
            prompts = prompts == null ? List.of() : checkPrompts(prompts);
            checkAt(atMs, "atMs");
        }
    }

    /** Changes an upcoming inject's text, audience or medium; a null field stays as it is (a medium given replaces it). */
    record EditInject(String injectId, String title, String body, Set<Role> to, List<String> prompts, Medium medium)
            implements ExerciseCommand {
        public EditInject {
            injectId = Fields.text(injectId, "injectId", 64);
            title = Fields.optionalText(title, "title", 200);
            body = Fields.optionalText(body, "body", 10_000);
            to = to == null ? null : Set.copyOf(Fields.nonEmpty(to, "to"));
            prompts = checkPrompts(prompts);
            if (title == null && body == null && to == null && prompts == null && medium == null) {
                throw SitroomException.invalid("nothing to change: give a title, body, to, prompts or medium");
            }
        }
    }

    /** Takes an upcoming inject out of the script: it is never delivered (nor are injects chained after it). */
    record DropInject(String injectId) implements ExerciseCommand {
        public DropInject {
            injectId = Fields.text(injectId, "injectId", 64);
        }
    }

    /** Moves an upcoming inject to scenario time {@code atMs} (whatever its timing was). */
    record MoveInject(String injectId, Long atMs) implements ExerciseCommand {
        public MoveInject {
            injectId = Fields.text(injectId, "injectId", 64);
            checkAt(Fields.required(atMs, "atMs"), "atMs");
        }
    }

    // --- scheduling (issue 18, item 9)

    /** Sets when the exercise is planned to start ({@code startsAt}), or clears it (null). */
    record Schedule(Instant startsAt) implements ExerciseCommand {
    }

    /** A player's communications check before the start: their roles are ready. */
    record ConfirmReady() implements ExerciseCommand {
    }
}
