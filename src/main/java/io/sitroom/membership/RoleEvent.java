package io.sitroom.membership;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.sitroom.role.Role;
import io.sitroom.room.ChangesRoles;
import io.sitroom.room.EventKind;
import io.sitroom.room.EventPayload;

/** Events that change who holds which role. Each carries the affected members' roles afterwards. */
public sealed interface RoleEvent extends EventPayload, ChangesRoles {

    @EventKind("role.assigned")
    record Assigned(UUID userId, String displayName, Role role, Map<UUID, Set<Role>> rolesAfter) implements RoleEvent {
        @Override
        public String brief() {
            return displayName + ": " + role;
        }
    }

    @EventKind("role.released")
    record Released(UUID userId, String displayName, Role role, Map<UUID, Set<Role>> rolesAfter) implements RoleEvent {
        @Override
        public String brief() {
            return displayName + ": " + role;
        }
    }

    @EventKind("role.handed_over")
    record HandedOver(Role role, UUID fromUserId, String fromDisplayName, UUID toUserId, String toDisplayName,
            Map<UUID, Set<Role>> rolesAfter) implements RoleEvent {
        @Override
        public String brief() {
            return role + " from " + fromDisplayName + " to " + toDisplayName;
        }
    }
}
