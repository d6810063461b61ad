package io.sitroom.room;

import java.util.Set;
import java.util.UUID;

import io.sitroom.role.Role;

/**
 * Who is looking at a room, for visibility: the user, the roles they hold there, and the role that
 * leads that kind of room (the IC of an incident; the facilitator of an exercise, whose IC is a player).
 */
public record Viewer(UUID userId, Set<Role> roles, Role leadRole) {

    public Viewer {
        roles = Set.copyOf(roles);
    }

    public static Viewer of(Member member, RoomKind kind) {
        return new Viewer(member.userId(), member.roles(), kind.leadRole());
    }

    /**
     * Whether this viewer may see an event: events for everyone, and restricted ones to the roles
     * named, the room's lead, and the person who wrote it.
     */
    public boolean maySee(Set<Role> visibleTo, UUID actorId) {
        if (visibleTo == null || visibleTo.isEmpty()) {
            return true;
        }
        if (userId.equals(actorId)) {
            return true;
        }
        if (roles.contains(leadRole)) {
            return true;
        }
        for (Role role : roles) {
            if (visibleTo.contains(role)) {
                return true;
            }
        }
        return false;
    }
}
