package io.sitroom.exercise;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.sitroom.error.SitroomException;
import io.sitroom.role.Role;
import io.sitroom.room.Authority;
import io.sitroom.room.CommandContext;
import io.sitroom.room.CommandType;
import io.sitroom.room.EventLog;
import io.sitroom.room.EventPayload;
import io.sitroom.room.RecordedEvent;
import io.sitroom.room.Room;
import io.sitroom.room.RoomFeature;
import io.sitroom.room.RoomKind;

/**
 * The hot wash's Participant Feedback Form in exercise rooms: the facilitator opens and closes it, every
 * player (guests too) submits. The form's status is kept on the exercise row; the submissions stay in the
 * log, each member's latest counting.
 */
@ApplicationScoped
public class FeedbackFeature implements RoomFeature {

    private final ExerciseFeature exercises;
    private final EventLog log;

    public FeedbackFeature(ExerciseFeature exercises, EventLog log) {
        this.exercises = exercises;
        this.log = log;
    }

    /** Who answers the form: every role of an exercise but the facilitator's (who reads the answers). */
    static Authority players() {
        EnumSet<Role> roles = EnumSet.allOf(Role.class);
        roles.remove(Role.FACILITATOR);
        return new Authority(Map.of(RoomKind.EXERCISE, roles), false);
    }

    @Override
    public List<CommandType<?>> commandTypes() {
        Authority facilitator = Authority.in(RoomKind.EXERCISE, Role.FACILITATOR);
        return List.of(
                new CommandType<>("feedback.open", FeedbackCommand.Open.class, facilitator, (c, ctx) -> {
                    Exercise exercise = exercise(ctx);
                    return FeedbackDecider.open(exercise.status, exercise.feedbackStatus, exercises.scenario(exercise));
                }),
                new CommandType<>("feedback.close", FeedbackCommand.Close.class, facilitator,
                        (c, ctx) -> FeedbackDecider.close(exercise(ctx).feedbackStatus, latest(ctx.room().id()).size())),
                new CommandType<>("feedback.submit", FeedbackCommand.Submit.class, players(), (c, ctx) -> {
                    Exercise exercise = exercise(ctx);
                    RecordedEvent previous = latest(ctx.room().id()).get(ctx.actor().userId());
                    return FeedbackDecider.submit(c, exercise.feedbackStatus, exercises.scenario(exercise),
                            previous == null ? null : previous.seq());
                }));
    }

    @Override
    public List<Class<? extends EventPayload>> eventTypes() {
        return List.of(FeedbackEvent.class);
    }

    @Override
    public void project(Room room, RecordedEvent event) {
        if (event.payload() instanceof FeedbackEvent.Opened) {
            Exercise.<Exercise> findById(room.id).feedbackStatus = FeedbackStatus.OPEN;
        } else if (event.payload() instanceof FeedbackEvent.Closed) {
            Exercise.<Exercise> findById(room.id).feedbackStatus = FeedbackStatus.CLOSED;
        }
    }

    private static Exercise exercise(CommandContext context) {
        Exercise exercise = context.room().kind() == RoomKind.EXERCISE ? Exercise.findById(context.room().id()) : null;
        if (exercise == null) {
            throw SitroomException.invalid("this room is not an exercise");
        }
        return exercise;
    }

    /** Each member's latest submission (a resubmission replaces the earlier one), in the order they were first given. */
    public Map<UUID, RecordedEvent> latest(UUID roomId) {
        Map<UUID, RecordedEvent> latest = new LinkedHashMap<>();
        for (RecordedEvent e : log.allOf(roomId, FeedbackEvent.Submitted.class)) {
            if (e.payload() instanceof FeedbackEvent.Submitted && e.actorId() != null) {
                latest.put(e.actorId(), e);
            }
        }
        return latest;
    }

    /** The appendix of the after-action report; null when the form was never opened. */
    public FeedbackSummary summary(Exercise exercise, boolean whole) {
        if (exercise.feedbackStatus == null) {
            return null;
        }
        List<FeedbackSummary.Answer> answers = latest(exercise.roomId).values().stream()
                .map(e -> new FeedbackSummary.Answer(e.actor().roles(), (FeedbackEvent.Submitted) e.payload())).toList();
        int players = (int) io.sitroom.room.RoomMember.ofRoom(exercise.roomId).stream()
                .filter(m -> m.roles.stream().anyMatch(r -> r != Role.FACILITATOR)).count();
        return FeedbackSummary.of(exercise.feedbackStatus, exercises.scenario(exercise), answers, players, whole);
    }
}
