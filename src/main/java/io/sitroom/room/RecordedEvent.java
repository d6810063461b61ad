package io.sitroom.room;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.sitroom.role.Role;

/**
 * An event of a room's log, decoded once: what every reader of the log works with. {@code payload}
 * is the event's record (an {@link UnknownEvent} for a kind this version does not know); {@code data}
 * is the same content as stored, for the wire.
 */
public record RecordedEvent(UUID roomId, long seq, Instant at, String kind, Actor actor, String commandId, EventPayload payload,
        JsonNode data, Set<Role> visibleTo, String prevHash, String hash, Commitment commitment) {

    /**
     * Chain version 2: what the hash covers in place of the data ({@code digest}), and the salt that commits
     * it to the data (null once the content is erased); the whole record is null in version 1.
     */
    public record Commitment(String salt, String digest) {
    }

    /** Who appended it, as they were then; null for events the server appends by itself. */
    public record Actor(UUID userId, String displayName, Set<Role> roles) {
    }

    static RecordedEvent of(LoggedEvent row, JsonNode data, EventPayload payload) {
        Actor actor = row.actorId == null ? null
                : new Actor(row.actorId, row.actorName, RoleSetConverter.split(row.actorRoles == null ? "" : row.actorRoles));
        return new RecordedEvent(row.roomId, row.seq, row.at, row.kind, actor, row.commandId, payload, data, row.visibleToRoles(),
                row.prevHash, row.hash, row.contentDigest == null ? null : new Commitment(row.contentSalt, row.contentDigest));
    }

    public UUID actorId() {
        return actor == null ? null : actor.userId();
    }

    public boolean visibleTo(Viewer viewer) {
        return viewer.maySee(visibleTo, actorId());
    }

    public boolean forEveryone() {
        return visibleTo == null;
    }

    /** For events that change roles: each affected member's roles afterwards; else empty. */
    public Map<UUID, Set<Role>> rolesAfter() {
        return payload instanceof ChangesRoles changes ? changes.rolesAfter() : Map.of();
    }

    /** The event as clients see it. */
    public EventView view() {
        EventView.ActorView actorView = actor == null ? null
                : new EventView.ActorView(actor.userId(), actor.displayName(), names(actor.roles()));
        return erased() ? new EventView("event", roomId, seq, HashChain.formatTime(at), kind, actorView, commandId, null,
                visibleTo == null ? null : names(visibleTo), hash, true)
                : new EventView("event", roomId, seq, HashChain.formatTime(at), kind, actorView, commandId, data,
                        visibleTo == null ? null : names(visibleTo), hash, null);
    }

    /** Whether this event's content was erased. */
    public boolean erased() {
        return payload instanceof ErasedEvent;
    }

    private static List<String> names(Set<Role> roles) {
        return roles.stream().map(Role::wire).sorted().toList();
    }
}
