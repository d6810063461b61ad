package io.sitroom.room;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.sitroom.error.SitroomException;
import io.sitroom.role.AuthorityPolicy;
import io.sitroom.role.Role;
import io.sitroom.role.RoleRules;

/** Decides the room commands: membership, severity, phase and notes. Pure. */
public final class RoomDecider {

    private RoomDecider() {
    }

    public static List<NewEvent> decide(RoomCommand command, CommandContext context) {
        if (command instanceof RoomCommand.AddMember c) {
            return addMember(c, context);
        } else if (command instanceof RoomCommand.ChangeSeverity c) {
            return changeSeverity(c, context);
        } else if (command instanceof RoomCommand.ChangePhase c) {
            return changePhase(c, context);
        } else if (command instanceof RoomCommand.AddNote c) {
            return addNote(c, context);
        }
        throw new IllegalStateException("unhandled room command " + command);
    }

    static List<NewEvent> addMember(RoomCommand.AddMember c, CommandContext context) {
        AuthorityPolicy.require("member.add", context.actor().roles());
        RoomState room = context.room();
        if (room.member(c.userId()).isPresent()) {
            throw SitroomException.conflict("that user is already a member of this room");
        }
        String displayName = context.directory().displayName(c.userId())
                .orElseThrow(() -> SitroomException.notFound("no user with id " + c.userId()));
        c.roles().forEach(role -> RoleRules.requireAssignable(role, room.kind()));
        Set<Role> roles = c.roles().isEmpty() ? Set.of() : EnumSet.copyOf(c.roles());
        return List.of(NewEvent.forEveryone(
                new RoomEvent.MemberAdded(c.userId(), displayName, roles, Map.of(c.userId(), roles), null)));
    }

    static List<NewEvent> changeSeverity(RoomCommand.ChangeSeverity c, CommandContext context) {
        AuthorityPolicy.require("room.severity", context.actor().roles());
        Severity current = context.room().severity();
        if (current == c.severity()) {
            throw SitroomException.conflict("severity is already " + current);
        }
        return List.of(NewEvent.forEveryone(new RoomEvent.SeverityChanged(current, c.severity())));
    }

    static List<NewEvent> changePhase(RoomCommand.ChangePhase c, CommandContext context) {
        AuthorityPolicy.require("room.phase", context.actor().roles());
        Phase current = context.room().phase();
        if (current == c.phase()) {
            throw SitroomException.conflict("phase is already " + current);
        }
        return List.of(NewEvent.forEveryone(new RoomEvent.PhaseChanged(current, c.phase())));
    }

    static List<NewEvent> addNote(RoomCommand.AddNote c, CommandContext context) {
        AuthorityPolicy.require("note.add", context.actor().roles());
        return List.of(new NewEvent(new RoomEvent.NoteAdded(c.text(), c.visibleTo()), c.visibleTo()));
    }
}
