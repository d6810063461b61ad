package io.sitroom.room;

/**
 * Marks the events whose content may be erased ({@code erasure.request}): free text that nothing later in
 * the log depends on, so that the room's state reads the same with the content gone. A note is; a
 * decision, which approvals and actions refer to, is not.
 */
public interface Erasable extends EventPayload {
}
