package io.sitroom.exercise;

import io.sitroom.error.SitroomException;
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
}
