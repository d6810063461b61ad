package io.sitroom.room;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * A listener that breaks on purpose: it throws whenever a note says {@link #BOOM}. Lives in every
 * test app; only {@link UnitOfWorkTest} writes that note.
 */
@ApplicationScoped
public class ThrowingListener implements AppendListener {

    static final String BOOM = "this note makes a listener throw";

    @Override
    public void appended(UUID roomId, List<RecordedEvent> events) {
        if (events.stream().anyMatch(e -> e.payload() instanceof RoomEvent.NoteAdded note && BOOM.equals(note.text()))) {
            throw new IllegalStateException("a listener failed, as the test wanted");
        }
    }
}
