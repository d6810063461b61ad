package io.sitroom.room;

import java.util.Optional;

/**
 * The scenarios an exercise may play, provided by the feature that keeps them (exercise): before an exercise
 * opens, the room takes the digest of the scenario text it will play, and records it in its {@code room.created},
 * binding the script to the chain; the feature stores that same text with the exercise when it sees the event.
 */
public interface RoomScenarios {

    /** The SHA-256 (hex) of the scenario's current text; empty for a scenario that does not exist. */
    Optional<String> sha256(String scenarioId);
}
