package io.sitroom.exercise;

import java.util.List;
import java.util.Set;

import io.sitroom.error.SitroomException;
import io.sitroom.role.Role;
import io.sitroom.room.NewEvent;

/**
 * The participant feedback form. Pure: the caller supplies the exercise's status, the form's status,
 * the scenario, and what the log holds of earlier submissions.
 */
public final class FeedbackDecider {

    private static final Set<Role> FACILITATOR_ONLY = Set.of(Role.FACILITATOR);

    private FeedbackDecider() {
    }

    /** The hot wash follows play: the form opens once the exercise has started (usually once it has ended). */
    public static List<NewEvent> open(ExerciseStatus exercise, FeedbackStatus form, Scenario scenario) {
        if (exercise == ExerciseStatus.READY) {
            throw SitroomException.conflict("the feedback form opens once the exercise has started");
        }
        if (form == FeedbackStatus.OPEN) {
            throw SitroomException.conflict("the feedback form is already open");
        }
        return List.of(NewEvent.forEveryone(new FeedbackEvent.Opened(scenario.objectives().stream().map(Scenario.Objective::id).toList())));
    }

    public static List<NewEvent> close(FeedbackStatus form, int respondents) {
        if (form != FeedbackStatus.OPEN) {
            throw SitroomException.conflict("the feedback form is not open");
        }
        return List.of(NewEvent.forEveryone(new FeedbackEvent.Closed(respondents)));
    }

    /**
     * A member's answers, while the form is open; every rated objective must be the scenario's. Visible
     * to the facilitator (and its writer): never to another player.
     */
    public static List<NewEvent> submit(FeedbackCommand.Submit c, FeedbackStatus form, Scenario scenario, Long previousSeq) {
        if (form != FeedbackStatus.OPEN) {
            throw SitroomException.conflict(form == null ? "the feedback form has not been opened" : "the feedback form is closed");
        }
        List<String> objectives = scenario.objectives().stream().map(Scenario.Objective::id).toList();
        for (String rated : c.ratings().keySet()) {
            if (!objectives.contains(rated)) {
                throw SitroomException.invalid("the scenario has no objective '" + rated + "' (its objectives: " + String.join(", ", objectives) + ")");
            }
        }
        return List.of(new NewEvent(new FeedbackEvent.Submitted(c.strengths(), c.improvements(), c.ratings(), c.comments(), previousSeq),
                FACILITATOR_ONLY));
    }
}
