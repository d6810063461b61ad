package io.sitroom.room;

/**
 * The data of an event a decider decided. Records implementing it are serialised as the
 * event's {@code data}; {@link #kind()} names the event on the wire.
 */
public interface EventPayload {
    String kind();
}
