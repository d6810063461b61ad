package io.sitroom.room;

import java.util.Set;
import java.util.UUID;

import io.sitroom.role.Role;

/** Commands on the room itself: membership, severity, phase and notes. */
public sealed interface RoomCommand extends Command {

    int MAX_NOTE_LENGTH = 10_000;

    record AddMember(UUID userId, Set<Role> roles) implements RoomCommand {
        public AddMember {
            Fields.required(userId, "userId");
            roles = roles == null ? Set.of() : Set.copyOf(roles);
        }
    }

    /** Takes someone out of the room: they no longer see or do anything in it. */
    record RemoveMember(UUID userId) implements RoomCommand {
        public RemoveMember {
            Fields.required(userId, "userId");
        }
    }

    record ChangeSeverity(Severity severity) implements RoomCommand {
        public ChangeSeverity {
            Fields.required(severity, "severity");
        }
    }

    record ChangePhase(Phase phase) implements RoomCommand {
        public ChangePhase {
            Fields.required(phase, "phase");
        }
    }

    record AddNote(String text, Set<Role> visibleTo) implements RoomCommand {
        public AddNote {
            text = Fields.text(text, "text", MAX_NOTE_LENGTH);
            if (visibleTo != null) {
                visibleTo = Set.copyOf(Fields.nonEmpty(visibleTo, "visibleTo"));
            }
        }
    }
}
