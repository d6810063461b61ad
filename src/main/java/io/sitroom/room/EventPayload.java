package io.sitroom.room;

/**
 * The data of an event: a record, serialised as the event's {@code data}. Each feature declares its
 * events as a sealed interface of records extending this one, each record naming its kind with
 * {@link EventKind}, and lists that interface in {@link RoomFeature#eventTypes()}.
 */
public interface EventPayload {
}
