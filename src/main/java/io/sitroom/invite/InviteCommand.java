package io.sitroom.invite;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.sitroom.error.SitroomException;
import io.sitroom.role.Role;
import io.sitroom.room.Authority;
import io.sitroom.room.Command;
import io.sitroom.room.CommandContext;
import io.sitroom.room.CommandType;
import io.sitroom.room.EventKind;
import io.sitroom.room.EventPayload;
import io.sitroom.room.Fields;
import io.sitroom.room.NewEvent;

/**
 * Inviting someone into a room: a command the server issues for the REST call (its code is made
 * by the server and never enters the log), and the event that records it for the room's lead.
 */
record InviteCommand(UUID inviteId, Role role, Instant expiresAt) implements Command {

    InviteCommand {
        Fields.required(role, "role");
    }

    @EventKind("invite.created")
    record Created(UUID inviteId, Role role, Instant expiresAt) implements EventPayload {
        @Override
        public String brief() {
            return role.wire();
        }
    }

    static final CommandType<InviteCommand> TYPE = new CommandType<>("invite.create", InviteCommand.class, Authority.lead(),
            InviteCommand::decide).issuedByServer();

    static List<NewEvent> decide(InviteCommand c, CommandContext context) {
        Role lead = context.room().kind().leadRole();
        if (c.role() == lead) {
            throw SitroomException.invalid("an invitation cannot give the room's lead role (" + lead + ")");
        }
        context.room().kind().requireAssignable(c.role());
        return List.of(new NewEvent(new Created(c.inviteId(), c.role(), c.expiresAt()), Set.of(lead)));
    }
}
