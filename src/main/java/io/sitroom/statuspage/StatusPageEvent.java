package io.sitroom.statuspage;

import io.sitroom.room.EventKind;
import io.sitroom.room.EventPayload;

/** Events of a room's place on the public status page. */
public sealed interface StatusPageEvent extends EventPayload {

    /** From now on the room's published statements appear on the public status page. */
    @EventKind("room.made_public")
    record MadePublic() implements StatusPageEvent {
    }

    /** The room no longer appears on the public status page. */
    @EventKind("room.made_private")
    record MadePrivate() implements StatusPageEvent {
    }
}
