package io.sitroom.room;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import io.sitroom.role.Role;

/** An event as clients see it: the {@code event} frame of the protocol, and the items of the REST event list. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventView(String type, UUID roomId, long seq, String at, String kind, ActorView actor, String commandId,
        JsonNode data, List<String> visibleTo, String hash) {

    public record ActorView(UUID userId, String displayName, List<String> roles) {
    }

    public static EventView of(LoggedEvent e) {
        ActorView actor = e.actorId == null ? null
                : new ActorView(e.actorId, e.actorName, e.actorRoles.isEmpty() ? List.of() : List.of(e.actorRoles.split(",")));
        List<String> visibleTo = e.visibleTo == null ? null : List.of(e.visibleTo.split(","));
        return new EventView("event", e.roomId, e.seq, HashChain.formatTime(e.at), e.kind, actor, e.commandId,
                HashChain.parse(e.data), visibleTo, e.hash);
    }

    /** Reads an event's stored data (canonical JSON). */
    public static JsonNode parseData(String data) {
        return HashChain.parse(data);
    }

    @JsonIgnore
    public Set<Role> visibleToRoles() {
        return visibleTo == null ? null : RoleSetConverter.split(String.join(",", visibleTo));
    }

    @JsonIgnore
    public UUID actorId() {
        return actor == null ? null : actor.userId();
    }

    /** For events that change roles: each affected member's roles afterwards; else empty. */
    @JsonIgnore
    public Map<UUID, Set<Role>> rolesAfter() {
        JsonNode after = data == null ? null : data.get("rolesAfter");
        if (after == null || !after.isObject()) {
            return Map.of();
        }
        Map<UUID, Set<Role>> result = new java.util.HashMap<>();
        after.fields().forEachRemaining(entry -> {
            StringBuilder names = new StringBuilder();
            entry.getValue().forEach(n -> names.append(names.isEmpty() ? "" : ",").append(n.asText()));
            result.put(UUID.fromString(entry.getKey()), RoleSetConverter.split(names.toString()));
        });
        return result;
    }
}
