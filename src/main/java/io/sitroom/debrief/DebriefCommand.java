package io.sitroom.debrief;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.sitroom.error.SitroomException;
import io.sitroom.exercise.ExerciseStatus;
import io.sitroom.role.Role;
import io.sitroom.room.Command;
import io.sitroom.room.EventKind;
import io.sitroom.room.EventPayload;
import io.sitroom.room.Fields;
import io.sitroom.room.NewEvent;

/**
 * Debrief links: commands the server issues for the facilitator's REST calls (a link's token is made by
 * the server and never enters the log), and the events that record them for the facilitator.
 */
sealed interface DebriefCommand extends Command {

    Set<Role> FACILITATOR_ONLY = Set.of(Role.FACILITATOR);

    record Create(UUID linkId, Instant expiresAt) implements DebriefCommand {
        public Create {
            Fields.required(linkId, "linkId");
            Fields.required(expiresAt, "expiresAt");
        }
    }

    record Revoke(UUID linkId) implements DebriefCommand {
        public Revoke {
            Fields.required(linkId, "linkId");
        }
    }

    /** For the facilitator: a debrief link was made, working until {@code expiresAt}. */
    @EventKind("debrief.link_created")
    record LinkCreated(UUID linkId, Instant expiresAt) implements EventPayload {
    }

    /** For the facilitator: a debrief link no longer works. */
    @EventKind("debrief.link_revoked")
    record LinkRevoked(UUID linkId) implements EventPayload {
    }

    /** A debrief tells what happened: only once the exercise has ended. */
    static List<NewEvent> create(Create c, ExerciseStatus status) {
        if (status != ExerciseStatus.ENDED) {
            throw SitroomException.conflict("a debrief link is made once the exercise has ended (it is " + status.wire() + ")");
        }
        return List.of(new NewEvent(new LinkCreated(c.linkId(), c.expiresAt()), FACILITATOR_ONLY));
    }

    static List<NewEvent> revoke(Revoke c, DebriefLink link) {
        if (link == null) {
            throw SitroomException.notFound("no debrief link " + c.linkId() + " in this room");
        }
        if (link.revokedAt != null) {
            throw SitroomException.conflict("the debrief link is already revoked");
        }
        return List.of(new NewEvent(new LinkRevoked(link.id), FACILITATOR_ONLY));
    }
}
