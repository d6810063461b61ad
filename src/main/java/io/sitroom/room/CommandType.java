package io.sitroom.room;

import java.util.List;

/**
 * A command: its name on the wire, the record its data decodes into, who may issue it, and the
 * decider that judges it. {@code fromWire} is false for commands the server issues on a user's
 * behalf from a REST call of its own (an invitation); {@code admittedWhenClosed} marks the commands a
 * closed room still accepts (changing its phase, to reopen it).
 */
public record CommandType<C extends Command>(String name, Class<C> type, Authority authority, Decider<C> decider, boolean fromWire,
        boolean admittedWhenClosed) {

    public CommandType(String name, Class<C> type, Authority authority, Decider<C> decider) {
        this(name, type, authority, decider, true, false);
    }

    /** As this, issued by the server for a REST call of its own, never accepted as a frame or a generic command. */
    public CommandType<C> issuedByServer() {
        return new CommandType<>(name, type, authority, decider, false, admittedWhenClosed);
    }

    /** As this, accepted by a closed room too. */
    public CommandType<C> alsoWhenClosed() {
        return new CommandType<>(name, type, authority, decider, fromWire, true);
    }

    /** Judges a command against the room as it is: authority first, then the decider. Pure. */
    public List<NewEvent> decide(Command command, CommandContext context) {
        return decider.decide(type.cast(command), authorize(context));
    }

    /**
     * The authority check alone: refuses an actor who may not issue this command at all, and returns
     * the context a decider judges the content with (who is privileged). Pure.
     */
    public CommandContext authorize(CommandContext context) {
        authority.check(name, context.actor().roles(), context.room().kind());
        return context.forCommand(name, authority.rolesIn(context.room().kind()));
    }
}
