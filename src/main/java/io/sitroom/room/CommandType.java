package io.sitroom.room;

import java.util.List;

/** A command name on the wire, the record its data decodes into, and the decider that judges it. */
public record CommandType<C extends Command>(String name, Class<C> type, Decider<C> decider) {

    List<NewEvent> decide(Command command, CommandContext context) {
        return decider.decide(type.cast(command), context);
    }
}
