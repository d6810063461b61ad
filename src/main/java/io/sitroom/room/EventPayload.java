package io.sitroom.room;

/**
 * The data of an event: a record, serialised as the event's {@code data}. Each feature declares its
 * events as a sealed interface of records extending this one, each record naming its kind with
 * {@link EventKind}, and lists that interface in {@link RoomFeature#eventTypes()}.
 */
public interface EventPayload {

    /**
     * What happened, in a few words of the event's own content ("Isolate the plant network", "SEV2 to
     * SEV1"), for one-line renderings: timelines of exports, chat messages. Empty when the kind says it all.
     */
    default String brief() {
        return "";
    }
}
