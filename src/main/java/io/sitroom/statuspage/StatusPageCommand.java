package io.sitroom.statuspage;

import io.sitroom.room.Command;

/** The room's side of the public status page: whether its published statements appear there. */
public sealed interface StatusPageCommand extends Command {

    /** Show the room's published statements on the public status page (an incident only). */
    record MakePublic() implements StatusPageCommand {
    }

    /** Take the room off the public status page again. */
    record MakePrivate() implements StatusPageCommand {
    }
}
