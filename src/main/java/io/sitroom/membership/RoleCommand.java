package io.sitroom.membership;

import java.util.UUID;

import io.sitroom.role.Role;
import io.sitroom.room.Command;
import io.sitroom.room.Fields;

/** Commands that change who holds which role in a room. */
public sealed interface RoleCommand extends Command {

    record Assign(UUID userId, Role role) implements RoleCommand {
        public Assign {
            Fields.required(userId, "userId");
            Fields.required(role, "role");
        }
    }

    record Release(UUID userId, Role role) implements RoleCommand {
        public Release {
            Fields.required(userId, "userId");
            Fields.required(role, "role");
        }
    }

    /** Moves a role from its holder ({@code fromUserId}, by default the actor) to another member in one step. */
    record HandOver(Role role, UUID toUserId, UUID fromUserId) implements RoleCommand {
        public HandOver {
            Fields.required(role, "role");
            Fields.required(toUserId, "toUserId");
        }
    }
}
