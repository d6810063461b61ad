package io.sitroom.comms;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.sitroom.role.Role;
import io.sitroom.room.EventPayload;
import io.sitroom.room.Severity;

/** Events of status updates, statements and acknowledgements. */
public sealed interface CommsEvent extends EventPayload {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record UpdatePosted(Audience audience, String summary, String impact, String decisionNeeded, Instant nextUpdateAt,
            String rootCause, String fixOptions, String testPlan, String deploymentPath, String exposure, String obligations,
            String evidence, String timeline) implements CommsEvent {
        @Override
        public String kind() {
            return "update.posted";
        }
    }

    record UpdateOverdue(Instant dueAt, Severity severity, Instant lastUpdateAt) implements CommsEvent {
        @Override
        public String kind() {
            return "update.overdue";
        }
    }

    record StatementDrafted(UUID statementId, int version, String title, String body, String channel, String textHash)
            implements CommsEvent {
        @Override
        public String kind() {
            return "statement.drafted";
        }
    }

    record StatementApproved(UUID statementId, int version, String textHash, Role role, Set<Role> missing) implements CommsEvent {
        @Override
        public String kind() {
            return "statement.approved";
        }
    }

    record StatementPublished(UUID statementId, int version, String textHash) implements CommsEvent {
        @Override
        public String kind() {
            return "statement.published";
        }
    }

    record AckRequested(UUID ackId, long about, Set<Role> roles, Instant dueAt) implements CommsEvent {
        @Override
        public String kind() {
            return "ack.requested";
        }
    }

    record AckGiven(UUID ackId, Set<Role> roles, Set<Role> pending) implements CommsEvent {
        @Override
        public String kind() {
            return "ack.given";
        }
    }

    record AckOverdue(UUID ackId, long about, Set<Role> pending, Instant dueAt) implements CommsEvent {
        @Override
        public String kind() {
            return "ack.overdue";
        }
    }
}
