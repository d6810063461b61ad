package io.sitroom.role;

import io.sitroom.error.SitroomException;
import io.sitroom.room.RoomKind;

/** Which roles a room of a kind can have, and which one leads it. */
public final class RoleRules {

    private RoleRules() {
    }

    /** The role that runs the room; a room never loses its last holder. */
    public static Role leadRole(RoomKind kind) {
        return kind == RoomKind.EXERCISE ? Role.FACILITATOR : Role.INCIDENT_COMMANDER;
    }

    public static void requireAssignable(Role role, RoomKind kind) {
        if (role == Role.FACILITATOR && kind != RoomKind.EXERCISE) {
            throw SitroomException.invalid("facilitator is a role of exercises, not incidents");
        }
    }
}
