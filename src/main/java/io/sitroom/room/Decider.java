package io.sitroom.room;

import java.util.List;

/**
 * A pure decision: given a command and the room as it is, the events to append, or a
 * {@link io.sitroom.error.SitroomException} that refuses it. No I/O, no clock but the context's.
 */
@FunctionalInterface
public interface Decider<C extends Command> {
    List<NewEvent> decide(C command, CommandContext context);
}
