package io.sitroom.room;

import java.util.Set;
import java.util.UUID;

import io.sitroom.role.Role;

/** Who is looking at a room, for visibility: the user and the roles they hold there. */
public record Viewer(UUID userId, Set<Role> roles) {

    public Viewer {
        roles = Set.copyOf(roles);
    }

    /**
     * Whether this viewer may see an event: events for everyone, and restricted ones to the roles
     * named, the room's leads, and the person who wrote it.
     */
    public boolean maySee(Set<Role> visibleTo, UUID actorId) {
        if (visibleTo == null || visibleTo.isEmpty()) {
            return true;
        }
        if (userId.equals(actorId)) {
            return true;
        }
        for (Role role : roles) {
            if (role.leadsRoom() || visibleTo.contains(role)) {
                return true;
            }
        }
        return false;
    }
}
