package io.sitroom.room;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.sitroom.role.Role;

/** Events about the room itself. */
public sealed interface RoomEvent extends EventPayload {

    record RoomCreated(RoomKind roomKind, String title, Severity severity, Phase phase, UUID createdBy)
            implements RoomEvent {
        @Override
        public String kind() {
            return "room.created";
        }
    }

    record MemberAdded(UUID userId, String displayName, Set<Role> roles, Map<UUID, Set<Role>> rolesAfter)
            implements RoomEvent, ChangesRoles {
        @Override
        public String kind() {
            return "member.added";
        }
    }

    record SeverityChanged(Severity from, Severity to) implements RoomEvent {
        @Override
        public String kind() {
            return "room.severity_changed";
        }
    }

    record PhaseChanged(Phase from, Phase to) implements RoomEvent {
        @Override
        public String kind() {
            return "room.phase_changed";
        }
    }

    record NoteAdded(String text, Set<Role> visibleTo) implements RoomEvent {
        @Override
        public String kind() {
            return "note.added";
        }
    }
}
