package io.sitroom.proof;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.sitroom.room.EventPayload;

/**
 * One event as the readable sections are derived from it: what the chain says about it, with its data
 * decoded into its payload record. The server makes facts from its log, the offline verifier from the
 * verified events of an export; both then run the same projections ({@link ReadableSections}).
 *
 * @param actor null for events the server appended by itself
 * @param visibleTo null when everyone in the room may see the event; else role names, sorted
 * @param data the event's data as the export writes it (plain JSON: maps, lists, strings, numbers, booleans)
 */
public record Fact(long seq, Instant at, Actor actor, EventPayload payload, List<String> visibleTo, Object data) {

    /** Who acted, as they were when they acted; {@code roles} are role names, sorted. */
    public record Actor(UUID userId, String displayName, List<String> roles) {
    }
}
