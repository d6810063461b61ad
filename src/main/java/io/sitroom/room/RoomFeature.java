package io.sitroom.room;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How a feature plugs into rooms: the commands it adds (with who may issue them), the events it
 * records, the projection rows it keeps in step with events (written in the appending
 * transaction), what its timers and reactions append, and its section of a room snapshot.
 */
public interface RoomFeature {

    default List<CommandType<?>> commandTypes() {
        return List.of();
    }

    /** The payload records of this feature's events: sealed interfaces (expanded to their records) or records. */
    default List<Class<? extends EventPayload>> eventTypes() {
        return List.of();
    }

    /** Updates this feature's projection tables for an event just appended (inside the transaction). */
    default void project(Room room, RecordedEvent event) {
    }

    /**
     * Decides what a timer of this feature's causes, now that it fell due (no events if the thing it
     * watched was settled meanwhile). Called inside the transaction that deletes the timer.
     */
    default List<NewEvent> onTimer(RoomTimer timer, RoomState room, Instant now) {
        return List.of();
    }

    /**
     * Reacts to events just appended and projected (inside their transaction): the events that follow
     * from them by themselves, appended by the server. Most features follow nothing.
     */
    default List<NewEvent> react(Room room, List<RecordedEvent> appended, Instant now) {
        return List.of();
    }

    /** Adds this feature's part of the snapshot, filtered by what the viewer may see. */
    default void addToSnapshot(UUID roomId, Viewer viewer, Map<String, Object> sections) {
    }
}
