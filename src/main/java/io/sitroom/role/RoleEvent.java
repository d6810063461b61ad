package io.sitroom.role;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.sitroom.room.ChangesRoles;
import io.sitroom.room.EventPayload;

/** Events that change who holds which role. Each carries the affected members' roles afterwards. */
public sealed interface RoleEvent extends EventPayload, ChangesRoles {

    record Assigned(UUID userId, String displayName, Role role, Map<UUID, Set<Role>> rolesAfter) implements RoleEvent {
        @Override
        public String kind() {
            return "role.assigned";
        }
    }

    record Released(UUID userId, String displayName, Role role, Map<UUID, Set<Role>> rolesAfter) implements RoleEvent {
        @Override
        public String kind() {
            return "role.released";
        }
    }

    record HandedOver(Role role, UUID fromUserId, String fromDisplayName, UUID toUserId, String toDisplayName,
            Map<UUID, Set<Role>> rolesAfter) implements RoleEvent {
        @Override
        public String kind() {
            return "role.handed_over";
        }
    }
}
