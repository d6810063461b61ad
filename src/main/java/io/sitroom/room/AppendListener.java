package io.sitroom.room;

import java.util.List;
import java.util.UUID;

/**
 * Told what a unit of work appended, after it committed and after every result it owed was
 * complete (on the appending thread, so keep it short and never wait for a room's work from here).
 * A listener that throws is logged; it never changes, delays or withholds a result.
 */
public interface AppendListener {

    void appended(UUID roomId, List<RecordedEvent> events);
}
