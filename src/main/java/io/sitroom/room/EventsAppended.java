package io.sitroom.room;

import java.util.List;
import java.util.UUID;

/** Fired (synchronously, on the appending thread) after a transaction that appended events has committed. */
public record EventsAppended(UUID roomId, List<EventView> events) {
}
