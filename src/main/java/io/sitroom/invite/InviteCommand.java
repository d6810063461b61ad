package io.sitroom.invite;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

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
record InviteCommand(UUID inviteId, Role role, Instant expiresAt, Integer maxUses) implements Command {

    static final int MAX_USES = 1000;

    InviteCommand {
        Fields.required(role, "role");
        if (maxUses != null && (maxUses < 1 || maxUses > MAX_USES)) {
            throw SitroomException.invalid("maxUses must be from 1 to " + MAX_USES);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @EventKind("invite.created")
    record Created(UUID inviteId, Role role, Instant expiresAt, Integer maxUses) implements EventPayload {
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
        return List.of(new NewEvent(new Created(c.inviteId(), c.role(), c.expiresAt(), c.maxUses()), Set.of(lead)));
    }

    /** Revoking an invitation: whoever has the code can no longer join with it (who joined stays). */
    record Revoke(UUID inviteId) implements Command {
        Revoke {
            Fields.required(inviteId, "inviteId");
        }
    }

    @EventKind("invite.revoked")
    record Revoked(UUID inviteId, Role role) implements EventPayload {
        @Override
        public String brief() {
            return role.wire();
        }
    }

    static final CommandType<Revoke> REVOKE = new CommandType<>("invite.revoke", Revoke.class, Authority.lead(),
            InviteCommand::revoke).issuedByServer();

    static List<NewEvent> revoke(Revoke c, CommandContext context) {
        Invite invite = Invite.findById(c.inviteId());
        if (invite == null || !invite.roomId.equals(context.room().id())) {
            throw SitroomException.notFound("no invitation " + c.inviteId() + " in this room");
        }
        if (invite.revokedAt != null) {
            throw SitroomException.conflict("the invitation is already revoked");
        }
        return List.of(new NewEvent(new Revoked(invite.id, Role.of(invite.role)), Set.of(context.room().kind().leadRole())));
    }
}
