package io.sitroom.room;

/**
 * An event that erased the content of an earlier event of its room, by seq. The log's own check
 * ({@link EventLog#verify}) and the offline verifier accept an erased event only where such an event
 * names it: content that vanished without one was removed behind the log's back.
 */
public interface ErasesContent extends EventPayload {

    long seq();
}
