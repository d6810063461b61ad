package io.sitroom.exercise;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.sitroom.error.SitroomException;
import io.sitroom.role.Role;
import io.sitroom.room.HashChain;
import io.sitroom.room.Member;
import io.sitroom.room.RecordedEvent;
import io.sitroom.room.RoomService;

/** The feedback form as a member reads it: the facilitator every answer and the summary; a player their own answers only. */
@ApplicationScoped
public class FeedbackService {

    private final RoomService rooms;
    private final ExerciseFeature exercises;
    private final FeedbackFeature feedback;

    public FeedbackService(RoomService rooms, ExerciseFeature exercises, FeedbackFeature feedback) {
        this.rooms = rooms;
        this.exercises = exercises;
        this.feedback = feedback;
    }

    public record ObjectiveView(String id, String text, String capability) {
    }

    /** One member's latest answers; {@code by} and {@code roles} as they were when submitted. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Submission(long seq, String at, UUID userId, String by, List<String> roles, List<String> strengths, List<String> improvements,
            Map<String, Integer> ratings, String comments, Long replacesSeq) {

        static Submission of(RecordedEvent e) {
            FeedbackEvent.Submitted s = (FeedbackEvent.Submitted) e.payload();
            return new Submission(e.seq(), HashChain.formatTime(e.at()), e.actorId(), e.actor().displayName(),
                    e.actor().roles().stream().map(Role::wire).sorted().toList(), s.strengths(), s.improvements(), s.ratings(), s.comments(),
                    s.replacesSeq());
        }
    }

    /**
     * {@code status}: null (never opened), open or closed; {@code mine}: the reader's own latest answers
     * (players); {@code submissions} and {@code summary}: the facilitator's only.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FeedbackView(String status, List<ObjectiveView> objectives, Submission mine, List<Submission> submissions,
            FeedbackSummary summary) {
    }

    @Transactional
    public FeedbackView view(UUID roomId, UUID userId) {
        Member me = rooms.requireMember(roomId, userId);
        Exercise exercise = Exercise.findById(roomId);
        if (exercise == null) {
            throw SitroomException.notFound("this room is not an exercise");
        }
        List<ObjectiveView> objectives = exercises.scenario(exercise).objectives().stream()
                .map(o -> new ObjectiveView(o.id(), o.text(), o.capability())).toList();
        String status = exercise.feedbackStatus == null ? null : exercise.feedbackStatus.wire();
        Map<UUID, RecordedEvent> latest = feedback.latest(roomId);
        if (me.holds(Role.FACILITATOR)) {
            return new FeedbackView(status, objectives, null, latest.values().stream().map(Submission::of).toList(),
                    feedback.summary(exercise, true));
        }
        RecordedEvent mine = latest.get(userId);
        return new FeedbackView(status, objectives, mine == null ? null : Submission.of(mine), null, null);
    }
}
