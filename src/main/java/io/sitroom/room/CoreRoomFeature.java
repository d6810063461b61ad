package io.sitroom.room;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.sitroom.role.Role;

/** The room's own commands and events. */
@ApplicationScoped
public class CoreRoomFeature implements RoomFeature {

    static final CommandType<RoomCommand.AddMember> ADD_MEMBER = new CommandType<>("member.add", RoomCommand.AddMember.class,
            Authority.lead(), RoomDecider::addMember);
    static final CommandType<RoomCommand.RemoveMember> REMOVE_MEMBER = new CommandType<>("member.remove", RoomCommand.RemoveMember.class,
            Authority.lead(), RoomDecider::removeMember);
    static final CommandType<RoomCommand.ChangeSeverity> CHANGE_SEVERITY = new CommandType<>("room.severity",
            RoomCommand.ChangeSeverity.class, Authority.of(Role.INCIDENT_COMMANDER), RoomDecider::changeSeverity);
    static final CommandType<RoomCommand.ChangePhase> CHANGE_PHASE = new CommandType<>("room.phase", RoomCommand.ChangePhase.class,
            Authority.of(Role.INCIDENT_COMMANDER), RoomDecider::changePhase).alsoWhenClosed();
    static final CommandType<RoomCommand.AddNote> ADD_NOTE = new CommandType<>("note.add", RoomCommand.AddNote.class,
            Authority.allBut(Role.OBSERVER), RoomDecider::addNote);

    @Override
    public List<CommandType<?>> commandTypes() {
        return List.of(ADD_MEMBER, REMOVE_MEMBER, CHANGE_SEVERITY, CHANGE_PHASE, ADD_NOTE);
    }

    @Override
    public List<Class<? extends EventPayload>> eventTypes() {
        return List.of(RoomEvent.class);
    }
}
