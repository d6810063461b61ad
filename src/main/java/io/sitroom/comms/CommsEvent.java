package io.sitroom.comms;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.sitroom.role.Role;
import io.sitroom.role.Roles;
import io.sitroom.room.EventKind;
import io.sitroom.room.EventPayload;
import io.sitroom.room.Severity;

/** Events of status updates, statements and acknowledgements. */
public sealed interface CommsEvent extends EventPayload {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @EventKind("update.posted")
    record UpdatePosted(Audience audience, String summary, String impact, String decisionNeeded, Instant nextUpdateAt,
            String rootCause, String fixOptions, String testPlan, String deploymentPath, String exposure, String obligations,
            String evidence, String timeline) implements CommsEvent {
        @Override
        public String brief() {
            return audience.wire() + ": " + summary;
        }
    }

    /**
     * When the next status update is due now (null: none owed) and when the last was posted, for
     * everyone in the room: appended whenever an update or a new severity moves the schedule, so that
     * every member's view follows it, whichever audience the update was for.
     */
    @EventKind("update.rescheduled")
    record UpdateRescheduled(Instant nextDueAt, Instant lastUpdateAt) implements CommsEvent {
        @Override
        public String brief() {
            return nextDueAt == null ? "no update owed" : "next update due " + io.sitroom.clock.WireTime.format(nextDueAt);
        }
    }

    @EventKind("update.overdue")
    record UpdateOverdue(Instant dueAt, Severity severity, Instant lastUpdateAt) implements CommsEvent {
    }

    @EventKind("statement.drafted")
    record StatementDrafted(UUID statementId, int version, String title, String body, String channel, String textHash)
            implements CommsEvent {
        @Override
        public String brief() {
            return title + " (version " + version + ")";
        }
    }

    @EventKind("statement.approved")
    record StatementApproved(UUID statementId, int version, String textHash, Role role, Set<Role> missing) implements CommsEvent {
        @Override
        public String brief() {
            return "version " + version + " as " + role;
        }
    }

    @EventKind("statement.published")
    record StatementPublished(UUID statementId, int version, String textHash) implements CommsEvent {
        @Override
        public String brief() {
            return "version " + version;
        }
    }

    @EventKind("ack.requested")
    record AckRequested(UUID ackId, long about, Set<Role> roles, Instant dueAt) implements CommsEvent {
        @Override
        public String brief() {
            return "event " + about + " by " + Roles.names(roles);
        }
    }

    @EventKind("ack.given")
    record AckGiven(UUID ackId, Set<Role> roles, Set<Role> pending) implements CommsEvent {
        @Override
        public String brief() {
            return Roles.names(roles);
        }
    }

    @EventKind("ack.overdue")
    record AckOverdue(UUID ackId, long about, Set<Role> pending, Instant dueAt) implements CommsEvent {
        @Override
        public String brief() {
            return "still pending: " + Roles.names(pending);
        }
    }
}
