package io.sitroom.membership;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.sitroom.error.SitroomException;
import io.sitroom.role.Role;
import io.sitroom.room.CommandContext;
import io.sitroom.room.Member;
import io.sitroom.room.NewEvent;
import io.sitroom.room.RoomState;

/** Decides role assignment, release and hand-over (who may is declared in {@link RoleFeature}). Pure. */
public final class RoleDecider {

    private RoleDecider() {
    }

    static List<NewEvent> assign(RoleCommand.Assign c, CommandContext context) {
        RoomState room = context.room();
        room.kind().requireAssignable(c.role());
        requireLeadFor(c.role(), context);
        Member target = memberOrNotFound(room, c.userId());
        if (target.holds(c.role())) {
            throw SitroomException.conflict(target.displayName() + " already holds " + c.role());
        }
        Set<Role> after = plus(target.roles(), c.role());
        return List.of(NewEvent.forEveryone(
                new RoleEvent.Assigned(target.userId(), target.displayName(), c.role(), Map.of(target.userId(), after))));
    }

    static List<NewEvent> release(RoleCommand.Release c, CommandContext context) {
        Member actor = context.actor();
        boolean ownRole = actor.userId().equals(c.userId());
        if (!ownRole) {
            context.requirePrivileged();
            requireLeadFor(c.role(), context);
        }
        RoomState room = context.room();
        Member target = memberOrNotFound(room, c.userId());
        if (!target.holds(c.role())) {
            throw SitroomException.conflict(target.displayName() + " does not hold " + c.role());
        }
        Role lead = room.kind().leadRole();
        if (c.role() == lead && room.holders(lead).size() == 1) {
            throw SitroomException.conflict("the last " + lead + " cannot be released; hand the role over instead");
        }
        Set<Role> after = minus(target.roles(), c.role());
        return List.of(NewEvent.forEveryone(
                new RoleEvent.Released(target.userId(), target.displayName(), c.role(), Map.of(target.userId(), after))));
    }

    static List<NewEvent> handOver(RoleCommand.HandOver c, CommandContext context) {
        Member actor = context.actor();
        RoomState room = context.room();
        UUID fromId = c.fromUserId() == null ? actor.userId() : c.fromUserId();
        if (!fromId.equals(actor.userId())) {
            context.requirePrivileged();
            requireLeadFor(c.role(), context);
        }
        Member from = memberOrNotFound(room, fromId);
        if (!from.holds(c.role())) {
            throw SitroomException.conflict(from.displayName() + " does not hold " + c.role());
        }
        Member to = memberOrNotFound(room, c.toUserId());
        if (to.userId().equals(from.userId())) {
            throw SitroomException.invalid("a role cannot be handed over to its own holder");
        }
        if (to.holds(c.role())) {
            throw SitroomException.conflict(to.displayName() + " already holds " + c.role());
        }
        Map<UUID, Set<Role>> after = Map.of(
                from.userId(), minus(from.roles(), c.role()),
                to.userId(), plus(to.roles(), c.role()));
        return List.of(NewEvent.forEveryone(new RoleEvent.HandedOver(c.role(), from.userId(), from.displayName(),
                to.userId(), to.displayName(), after)));
    }

    /**
     * The room's lead role (the facilitator of an exercise, the IC of an incident) is given, and taken
     * from someone else, only by a holder of it: an exercise's incident commander is a player and cannot
     * make itself facilitator.
     */
    private static void requireLeadFor(Role role, CommandContext context) {
        Role lead = context.room().kind().leadRole();
        if (role == lead && !context.actor().holds(lead)) {
            throw SitroomException.forbidden("only the " + lead + " may give or take the " + lead + " role");
        }
    }

    private static Member memberOrNotFound(RoomState room, UUID userId) {
        return room.member(userId).orElseThrow(() -> SitroomException.notFound("user " + userId + " is not a member of this room"));
    }

    private static Set<Role> plus(Set<Role> roles, Role role) {
        EnumSet<Role> result = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        result.add(role);
        return result;
    }

    private static Set<Role> minus(Set<Role> roles, Role role) {
        EnumSet<Role> result = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        result.remove(role);
        return result;
    }
}
