package io.sitroom.room;

import java.util.List;
import java.util.UUID;

/**
 * A page of a room's log as one caller may see it. {@code nextSince} is the last seq scanned
 * (pass it as {@code since} for the next page); {@code hasMore} says whether to ask again.
 */
public record EventPage(UUID roomId, long since, long nextSince, boolean hasMore, List<EventView> events) {
}
