package io.sitroom.role;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.sitroom.room.CommandType;
import io.sitroom.room.RoomFeature;

/** Role commands. Their events carry the roles afterwards, which the room's projection applies. */
@ApplicationScoped
public class RoleFeature implements RoomFeature {

    @Override
    public List<CommandType<?>> commandTypes() {
        return List.of(
                new CommandType<>("role.assign", RoleCommand.Assign.class, RoleDecider::decide),
                new CommandType<>("role.release", RoleCommand.Release.class, RoleDecider::decide),
                new CommandType<>("role.handover", RoleCommand.HandOver.class, RoleDecider::decide));
    }
}
