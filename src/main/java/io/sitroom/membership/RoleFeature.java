package io.sitroom.membership;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.sitroom.room.Authority;
import io.sitroom.room.CommandType;
import io.sitroom.room.EventPayload;
import io.sitroom.room.RoomFeature;

/**
 * Who holds which role: assignment, release and hand-over. Their events carry the roles afterwards,
 * which the room's own projection applies. The incident commander assigns roles (in an exercise too,
 * where it is a player and naming a containment lead is part of the play), so does an exercise's
 * facilitator; anyone may release or hand over a role they hold themselves. The room's lead role
 * (the IC of an incident, the facilitator of an exercise) changes hands only by its holders.
 */
@ApplicationScoped
public class RoleFeature implements RoomFeature {

    public static final CommandType<RoleCommand.Assign> ASSIGN = new CommandType<>("role.assign", RoleCommand.Assign.class,
            Authority.leads(), RoleDecider::assign);
    public static final CommandType<RoleCommand.Release> RELEASE = new CommandType<>("role.release", RoleCommand.Release.class,
            Authority.leads().orByContent(), RoleDecider::release);
    public static final CommandType<RoleCommand.HandOver> HAND_OVER = new CommandType<>("role.handover", RoleCommand.HandOver.class,
            Authority.leads().orByContent(), RoleDecider::handOver);

    @Override
    public List<CommandType<?>> commandTypes() {
        return List.of(ASSIGN, RELEASE, HAND_OVER);
    }

    @Override
    public List<Class<? extends EventPayload>> eventTypes() {
        return List.of(RoleEvent.class);
    }
}
