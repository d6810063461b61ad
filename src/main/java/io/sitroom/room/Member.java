package io.sitroom.room;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import io.sitroom.role.Role;

/** A member of a room as the deciders see it: who, and the roles they hold now. */
public record Member(UUID userId, String displayName, Set<Role> roles) {

    public Member {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean holds(Role role) {
        return roles.contains(role);
    }

    public Member withRoles(Set<Role> newRoles) {
        return new Member(userId, displayName, newRoles);
    }
}
