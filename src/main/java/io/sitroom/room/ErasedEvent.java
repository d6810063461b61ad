package io.sitroom.room;

/**
 * An event whose content was erased ({@code event.erased}): its kind, time, actor and place in the chain
 * stay, its data is gone. Readers pass it over, as they pass over an {@link UnknownEvent}, except where they
 * show that something stood there (the notes of a snapshot, a timeline), asking {@link #was}.
 *
 * @param type the record of its kind; null for a kind this version does not know
 */
public record ErasedEvent(String kind, Class<? extends EventPayload> type) implements EventPayload {

    /** Whether the erased event was one of these. */
    public boolean was(Class<? extends EventPayload> payload) {
        return payload.equals(type);
    }
}
