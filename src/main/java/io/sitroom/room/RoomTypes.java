package io.sitroom.room;

import java.util.Optional;

/**
 * The incident types a room may open with ({@code "type"} of POST /api/rooms), provided by the feature
 * that keeps them (playbook): the room checks the type and takes its default severity before it opens;
 * the feature applies it, in the opening's unit of work, when it sees {@code room.created}'s type.
 */
public interface RoomTypes {

    /** The type's default severity; empty for a type that does not exist. */
    Optional<Severity> defaultSeverity(String type);
}
