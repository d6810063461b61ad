package io.sitroom.room;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/** The room's own commands. */
@ApplicationScoped
public class CoreRoomFeature implements RoomFeature {

    @Override
    public List<CommandType<?>> commandTypes() {
        return List.of(
                new CommandType<>("member.add", RoomCommand.AddMember.class, RoomDecider::decide),
                new CommandType<>("room.severity", RoomCommand.ChangeSeverity.class, RoomDecider::decide),
                new CommandType<>("room.phase", RoomCommand.ChangePhase.class, RoomDecider::decide),
                new CommandType<>("note.add", RoomCommand.AddNote.class, RoomDecider::decide));
    }
}
