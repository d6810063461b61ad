package io.sitroom.statuspage;

import java.util.UUID;

import io.sitroom.error.SitroomException;
import io.sitroom.room.Fields;

/**
 * The admin's commands on the components of the status page. Components are deployment-wide (they outlive
 * every room and change outside any incident, for maintenance), so these are not room commands: they go
 * through {@link StatusComponents}, and each is recorded in the audit log.
 */
public sealed interface ComponentCommand {

    int NAME_MAX = 100;
    int DESCRIPTION_MAX = 1_000;

    record Create(String name, String description, ComponentStatus status) implements ComponentCommand {
        public Create {
            name = Fields.text(name, "name", NAME_MAX);
            description = Fields.optionalText(description, "description", DESCRIPTION_MAX);
            status = status == null ? ComponentStatus.OPERATIONAL : status;
        }
    }

    /** Renames or describes a component: the fields given replace the current ones. */
    record Describe(UUID componentId, String name, String description) implements ComponentCommand {
        public Describe {
            Fields.required(componentId, "componentId");
            name = name == null ? null : Fields.text(name, "name", NAME_MAX);
            description = Fields.optionalText(description, "description", DESCRIPTION_MAX);
            if (name == null && description == null) {
                throw SitroomException.invalid("give 'name' or 'description' (or both)");
            }
        }
    }

    record SetStatus(UUID componentId, ComponentStatus status) implements ComponentCommand {
        public SetStatus {
            Fields.required(componentId, "componentId");
            Fields.required(status, "status");
        }
    }
}
