package io.sitroom.room;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.sitroom.role.Role;

/**
 * An event that changes who holds which role. It carries each affected member's complete role
 * set afterwards, so that projections, clients and the live fan-out can apply it without
 * knowing what happened before.
 */
public interface ChangesRoles {
    Map<UUID, Set<Role>> rolesAfter();
}
