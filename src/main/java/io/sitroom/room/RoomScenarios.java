package io.sitroom.room;

import java.util.Optional;

/**
 * The scenarios an exercise may play, provided by the feature that keeps them (exercise): before an exercise
 * opens, the room takes the digest of the scenario text it will play (and what players are shown of it), and
 * records it in its {@code room.created}, binding the script to the chain; the feature stores that same text with the exercise when it sees the event.
 */
public interface RoomScenarios {

    /** What the room records of the scenario's current version; empty for a scenario that does not exist. */
    Optional<RoomEvent.ScenarioBinding> binding(String scenarioId);
}
