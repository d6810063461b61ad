package io.sitroom.debrief;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.sitroom.error.SitroomException;
import io.sitroom.exercise.Exercise;
import io.sitroom.role.Role;
import io.sitroom.room.Authority;
import io.sitroom.room.CommandContext;
import io.sitroom.room.CommandType;
import io.sitroom.room.EventPayload;
import io.sitroom.room.RecordedEvent;
import io.sitroom.room.Room;
import io.sitroom.room.RoomFeature;
import io.sitroom.room.RoomKind;

/** Debrief links in exercise rooms: the commands the REST calls issue, and the events they record. */
@ApplicationScoped
public class DebriefFeature implements RoomFeature {

    static final CommandType<DebriefCommand.Create> CREATE = new CommandType<>("debrief.link", DebriefCommand.Create.class,
            Authority.in(RoomKind.EXERCISE, Role.FACILITATOR), (c, ctx) -> DebriefCommand.create(c, exercise(ctx).status)).issuedByServer();

    static final CommandType<DebriefCommand.Revoke> REVOKE = new CommandType<>("debrief.revoke", DebriefCommand.Revoke.class,
            Authority.in(RoomKind.EXERCISE, Role.FACILITATOR), (c, ctx) -> {
                DebriefLink link = DebriefLink.findById(c.linkId());
                return DebriefCommand.revoke(c, link != null && link.roomId.equals(ctx.room().id()) ? link : null);
            }).issuedByServer();

    @Override
    public List<CommandType<?>> commandTypes() {
        return List.of(CREATE, REVOKE);
    }

    @Override
    public List<Class<? extends EventPayload>> eventTypes() {
        return List.of(DebriefCommand.LinkCreated.class, DebriefCommand.LinkRevoked.class);
    }

    @Override
    public void project(Room room, RecordedEvent event) {
        if (event.payload() instanceof DebriefCommand.LinkRevoked revoked) {
            DebriefLink.<DebriefLink> findById(revoked.linkId()).revokedAt = event.at();
        }
    }

    private static Exercise exercise(CommandContext context) {
        Exercise exercise = context.room().kind() == RoomKind.EXERCISE ? Exercise.findById(context.room().id()) : null;
        if (exercise == null) {
            throw SitroomException.invalid("this room is not an exercise");
        }
        return exercise;
    }
}
