package io.sitroom.room;

import java.util.Optional;
import java.util.UUID;

/** Looks up people who are not (yet) members of a room, by user id. */
@FunctionalInterface
public interface Directory {
    Optional<String> displayName(UUID userId);
}
