package io.sitroom.search;

import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.sitroom.role.Role;
import io.sitroom.room.ErasesContent;
import io.sitroom.room.RecordedEvent;
import io.sitroom.room.Room;
import io.sitroom.room.RoomFeature;

/**
 * Keeps the search entries in step with the log: each appended event with words worth finding gets
 * its entry in the same transaction (so search always agrees with the log, as every projection does).
 */
@ApplicationScoped
public class SearchFeature implements RoomFeature {

    @Override
    public void project(Room room, RecordedEvent event) {
        if (event.payload() instanceof ErasesContent erasure) {
            // What was erased can no longer be found either.
            SearchEntry.deleteById(new SearchEntry.Key(room.id, erasure.seq()));
        }
        String text = SearchText.of(event.payload());
        if (text == null) {
            return;
        }
        SearchEntry entry = new SearchEntry();
        entry.roomId = room.id;
        entry.seq = event.seq();
        entry.kind = event.kind();
        entry.at = event.at();
        entry.actorId = event.actorId();
        entry.visibleTo = event.visibleTo() == null ? null
                : event.visibleTo().stream().map(Role::wire).sorted().collect(Collectors.joining(","));
        entry.body = text;
        entry.persist();
    }
}
