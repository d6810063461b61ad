package io.sitroom.room;

import io.sitroom.error.SitroomException;
import io.sitroom.role.Role;

/** What a room coordinates: a real incident or a tabletop exercise. */
public enum RoomKind {
    INCIDENT(Role.INCIDENT_COMMANDER),
    EXERCISE(Role.FACILITATOR);

    private final Role lead;

    RoomKind(Role lead) {
        this.lead = lead;
    }

    /** The role that runs a room of this kind (in an exercise the incident commander is a player); a room never loses its last holder. */
    public Role leadRole() {
        return lead;
    }

    /** Whether someone can hold the role in a room of this kind: facilitators run exercises only. */
    public boolean has(Role role) {
        return role != Role.FACILITATOR || this == EXERCISE;
    }

    public void requireAssignable(Role role) {
        if (!has(role)) {
            throw SitroomException.invalid("facilitator is a role of exercises, not incidents");
        }
    }
}
