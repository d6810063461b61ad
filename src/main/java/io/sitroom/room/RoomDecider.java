package io.sitroom.room;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.sitroom.error.SitroomException;
import io.sitroom.role.Role;

/** Decides the room commands: membership, severity, phase and notes (who may is their {@link Authority}). Pure. */
public final class RoomDecider {

    private RoomDecider() {
    }

    static List<NewEvent> addMember(RoomCommand.AddMember c, CommandContext context) {
        RoomState room = context.room();
        if (room.member(c.userId()).isPresent()) {
            throw SitroomException.conflict("that user is already a member of this room");
        }
        String displayName = context.directory().displayName(c.userId())
                .orElseThrow(() -> SitroomException.notFound("no user with id " + c.userId()));
        c.roles().forEach(room.kind()::requireAssignable);
        Set<Role> roles = c.roles().isEmpty() ? Set.of() : EnumSet.copyOf(c.roles());
        return List.of(NewEvent.forEveryone(
                new RoomEvent.MemberAdded(c.userId(), displayName, roles, Map.of(c.userId(), roles), null)));
    }

    /** The lead takes a member out; the room never loses its last lead. */
    static List<NewEvent> removeMember(RoomCommand.RemoveMember c, CommandContext context) {
        RoomState room = context.room();
        Member target = room.member(c.userId())
                .orElseThrow(() -> SitroomException.notFound("user " + c.userId() + " is not a member of this room"));
        Role lead = room.kind().leadRole();
        if (target.holds(lead) && room.holders(lead).size() == 1) {
            throw SitroomException.conflict("the last " + lead + " cannot be removed; hand the role over first");
        }
        return List.of(NewEvent.forEveryone(new RoomEvent.MemberRemoved(target.userId(), target.displayName(), target.roles())));
    }

    static List<NewEvent> changeSeverity(RoomCommand.ChangeSeverity c, CommandContext context) {
        Severity current = context.room().severity();
        Severity to = context.taxonomy().choose(c.severity());
        if (current.equals(to)) {
            throw SitroomException.conflict("severity is already " + current);
        }
        return List.of(NewEvent.forEveryone(new RoomEvent.SeverityChanged(current, to)));
    }

    static List<NewEvent> changePhase(RoomCommand.ChangePhase c, CommandContext context) {
        Phase current = context.room().phase();
        Phase to = context.taxonomy().choose(c.phase());
        if (current.equals(to)) {
            throw SitroomException.conflict("phase is already " + current);
        }
        return List.of(NewEvent.forEveryone(new RoomEvent.PhaseChanged(current, to, context.taxonomy().contained(to))));
    }

    static List<NewEvent> addNote(RoomCommand.AddNote c, CommandContext context) {
        return List.of(new NewEvent(new RoomEvent.NoteAdded(c.text(), c.visibleTo()), c.visibleTo()));
    }
}
