package io.sitroom.room;

import java.util.Set;

import io.sitroom.role.Role;

/**
 * An event about to be appended: its payload and, when it is not for everyone, the roles that
 * may see it (room leads and the actor always may).
 */
public record NewEvent(EventPayload payload, Set<Role> visibleTo) {

    public NewEvent {
        visibleTo = visibleTo == null || visibleTo.isEmpty() ? null : Set.copyOf(visibleTo);
    }

    public static NewEvent forEveryone(EventPayload payload) {
        return new NewEvent(payload, null);
    }
}
