package io.sitroom.statuspage;

import java.util.List;

import io.sitroom.error.SitroomException;
import io.sitroom.room.CommandContext;
import io.sitroom.room.NewEvent;
import io.sitroom.room.RoomKind;

/**
 * Whether a room appears on the public status page. An exercise never does: its statements are
 * play, and a public page that showed them would announce an incident that is not happening. Pure.
 */
public final class StatusPageDecider {

    private StatusPageDecider() {
    }

    public static List<NewEvent> makePublic(StatusPageCommand.MakePublic c, CommandContext context, boolean isPublic) {
        if (context.room().kind() != RoomKind.INCIDENT) {
            throw SitroomException.invalid("an exercise never appears on the public status page");
        }
        if (isPublic) {
            throw SitroomException.conflict("the room is already public");
        }
        return List.of(NewEvent.forEveryone(new StatusPageEvent.MadePublic()));
    }

    public static List<NewEvent> makePrivate(StatusPageCommand.MakePrivate c, CommandContext context, boolean isPublic) {
        if (!isPublic) {
            throw SitroomException.conflict("the room is not public");
        }
        return List.of(NewEvent.forEveryone(new StatusPageEvent.MadePrivate()));
    }
}
