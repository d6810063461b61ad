package io.sitroom.room;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.sitroom.role.Role;
import io.sitroom.role.Roles;

/** Events about the room itself. */
public sealed interface RoomEvent extends EventPayload {

    /**
     * {@code scenarioId}: the scenario an exercise plays (null for an incident); {@code type}: the incident
     * type the room opened with (null for none), applied in the same unit of work (see {@link RoomTypes}).
     * {@code updateCadenceSeconds}: how often the room owes a status update at its opening severity by the
     * deployment's settings ({@link UpdateCadences}), 0 when none is owed; the first update falls due that long
     * after this event. Null in rooms opened before it was recorded. {@code scenario}: for an exercise, what it
     * records of the scenario it plays ({@link RoomScenarios}); null in exercises opened before it was recorded.
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    @EventKind("room.created")
    record RoomCreated(RoomKind roomKind, String title, Severity severity, Phase phase, UUID createdBy, String scenarioId, String type,
            Long updateCadenceSeconds, ScenarioBinding scenario) implements RoomEvent {

        /** When the first update falls due, for a room that opened at {@code at}: null when none is owed, or not recorded. */
        public Instant firstUpdateDue(Instant at) {
            return updateCadenceSeconds == null || updateCadenceSeconds == 0 ? null : at.plus(Duration.ofSeconds(updateCadenceSeconds));
        }

        @Override
        public String brief() {
            return title;
        }
    }

    /**
     * What an exercise records of the scenario it plays when it opens: the SHA-256 (hex) of the scenario's text, which
     * binds the script to the chain (the facilitator's export carries the text); its title and summary, which every
     * player is shown; and the player roles it addresses (which of a player's roles its communications check asks
     * about). A player's export is derived from these and the injects that reached them. Every member may read them:
     * which roles the script addresses, never what it sends them.
     */
    record ScenarioBinding(String sha256, String title, String summary, Set<Role> roles) {
    }

    /** {@code invite}: the invitation a guest joined with (absent for members added by a lead). */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    @EventKind("member.added")
    record MemberAdded(UUID userId, String displayName, Set<Role> roles, Map<UUID, Set<Role>> rolesAfter, UUID invite)
            implements RoomEvent, ChangesRoles {
        @Override
        public String brief() {
            return displayName + (roles.isEmpty() ? "" : " as " + Roles.names(roles));
        }
    }

    /** Someone taken out of the room by its lead, with the roles they held. */
    @EventKind("member.removed")
    record MemberRemoved(UUID userId, String displayName, Set<Role> roles) implements RoomEvent {
        @Override
        public String brief() {
            return displayName;
        }
    }

    @EventKind("room.severity_changed")
    record SeverityChanged(Severity from, Severity to) implements RoomEvent {
        @Override
        public String brief() {
            return from + " to " + to;
        }
    }

    /**
     * {@code contained}: whether the deployment's taxonomy counted the incident as contained in the new phase when it
     * changed (time to containment is read from here, so a later taxonomy does not rewrite it); null in phase changes
     * recorded before the event said so.
     */
    @EventKind("room.phase_changed")
    record PhaseChanged(Phase from, Phase to, Boolean contained) implements RoomEvent {
        @Override
        public String brief() {
            return from + " to " + to;
        }
    }

    @EventKind("note.added")
    record NoteAdded(String text, Set<Role> visibleTo) implements RoomEvent, Erasable {
        @Override
        public String brief() {
            return text;
        }
    }
}
