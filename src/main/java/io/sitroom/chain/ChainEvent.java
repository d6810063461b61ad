package io.sitroom.chain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.sitroom.json.CanonicalForm;

/**
 * An event as its hash covers it: the object whose canonical JSON is hashed (docs/protocol.md,
 * "Hash chain"). The server builds it from a log row, the offline verifier from an exported event;
 * this record is the one list of what goes in.
 *
 * @param actor null for events the server appended by itself
 * @param commandId null when no command caused the event
 * @param data a plain JSON value as {@link CanonicalForm} writes it
 * @param visibleTo null when everyone in the room may see the event; else role names, sorted
 */
public record ChainEvent(String roomId, long seq, String at, String kind, Actor actor, String commandId, Object data,
        List<String> visibleTo) {

    /** Who acted, as they were when they acted. {@code roles} are role names, sorted. */
    public record Actor(String userId, String displayName, List<String> roles) {
    }

    public String canonical() {
        Map<String, Object> event = new HashMap<>();
        event.put("roomId", roomId);
        event.put("seq", seq);
        event.put("at", at);
        event.put("kind", kind);
        event.put("actor", actor == null ? null : actor(actor));
        event.put("commandId", commandId);
        event.put("data", data);
        event.put("visibleTo", visibleTo);
        return CanonicalForm.write(event);
    }

    /** This event's hash when chained to {@code prevHash}. */
    public String hash(String prevHash) {
        return ChainHash.of(prevHash, canonical());
    }

    private static Map<String, Object> actor(Actor actor) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("userId", actor.userId());
        fields.put("displayName", actor.displayName());
        fields.put("roles", actor.roles());
        return fields;
    }
}
