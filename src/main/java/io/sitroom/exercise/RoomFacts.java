package io.sitroom.exercise;

import java.util.Set;
import java.util.UUID;

import io.sitroom.role.Role;

/** What the playback decider may ask about the room an exercise is played in. */
public interface RoomFacts {

    /** Whether a decision (whose title contains the text, when given) was accepted, or rejected. */
    boolean decisionSettled(boolean accepted, String titleContains);

    /** Whether someone in the room holds the role. */
    boolean roleHeld(Role role);

    /** The approver roles a decision named. */
    Set<Role> decisionApprovers(UUID decisionId);
}
