package io.sitroom.exercise;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.sitroom.role.Role;

/**
 * What an exercise's events say of its play, all a view of it is made from besides its scenario: the playback
 * state, whether the report is released, when it is planned to start, the seq each inject was delivered at,
 * per inject the roles that responded to it, and the roles that confirmed they are ready. The server reads it
 * from its projections ({@link #of(Exercise, Map, Set)}); the export's verifier folds it from the events
 * ({@link ExerciseFold}).
 */
public record Played(PlaybackState state, boolean reportReleased, Instant scheduledAt, Map<String, Long> deliveredSeq,
        Map<String, Set<Role>> responded, Set<Role> readyRoles) {

    public Played {
        deliveredSeq = Map.copyOf(deliveredSeq);
        responded = Map.copyOf(responded);
        readyRoles = Set.copyOf(readyRoles);
    }

    /** From the projections, in the current transaction. */
    static Played of(Exercise exercise, Map<String, Set<Role>> responded, Set<Role> readyRoles) {
        Map<String, Long> deliveredSeq = new HashMap<>();
        DeliveredInject.<DeliveredInject> list("roomId", exercise.roomId).forEach(d -> deliveredSeq.put(d.injectId, d.seq));
        return new Played(exercise.state(), exercise.reportReleasedAt != null, exercise.scheduledAt, deliveredSeq, responded, readyRoles);
    }
}
