package io.sitroom.invite;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.sitroom.room.CommandType;
import io.sitroom.room.EventPayload;
import io.sitroom.room.RecordedEvent;
import io.sitroom.room.Room;
import io.sitroom.room.RoomFeature;

/** Invitations in rooms: the command the REST call issues and the event it records. */
@ApplicationScoped
public class InviteFeature implements RoomFeature {

    @Override
    public List<CommandType<?>> commandTypes() {
        return List.of(InviteCommand.TYPE, InviteCommand.REVOKE);
    }

    @Override
    public List<Class<? extends EventPayload>> eventTypes() {
        return List.of(InviteCommand.Created.class, InviteCommand.Revoked.class);
    }

    @Override
    public void project(Room room, RecordedEvent event) {
        if (event.payload() instanceof InviteCommand.Revoked revoked) {
            Invite.<Invite> findById(revoked.inviteId()).revokedAt = event.at();
        }
    }
}
