package io.sitroom.room;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.sitroom.role.Role;

/** Events about the room itself. */
public sealed interface RoomEvent extends EventPayload {

    /** {@code scenarioId}: the scenario an exercise plays (null for an incident). */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record RoomCreated(RoomKind roomKind, String title, Severity severity, Phase phase, UUID createdBy, String scenarioId)
            implements RoomEvent {
        @Override
        public String kind() {
            return "room.created";
        }
    }

    /** {@code invite}: the invitation a guest joined with (absent for members added by a lead). */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record MemberAdded(UUID userId, String displayName, Set<Role> roles, Map<UUID, Set<Role>> rolesAfter, UUID invite)
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
