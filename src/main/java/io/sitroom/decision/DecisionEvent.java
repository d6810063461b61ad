package io.sitroom.decision;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.sitroom.role.Role;
import io.sitroom.room.EventKind;
import io.sitroom.room.EventPayload;

/** Events of the decision log. */
public sealed interface DecisionEvent extends EventPayload {

    UUID decisionId();

    @EventKind("decision.proposed")
    record Proposed(UUID decisionId, String title, String context, List<String> options, String choice, String rationale,
            Set<Role> approvers, Instant expiresAt, UUID supersedes) implements DecisionEvent {
        @Override
        public String brief() {
            return title;
        }
    }

    /** One approval; {@code roles} are the listed approver roles it covers, {@code missing} those still without one. */
    @EventKind("decision.approved")
    record Approved(UUID decisionId, Set<Role> roles, String comment, Set<Role> missing, boolean needsIndependentApprover)
            implements DecisionEvent {
        @Override
        public String brief() {
            return comment == null ? "" : comment;
        }
    }

    @EventKind("decision.rejected")
    record Rejected(UUID decisionId, Set<Role> roles, String reason) implements DecisionEvent {
        @Override
        public String brief() {
            return reason;
        }
    }

    @EventKind("decision.accepted")
    record Accepted(UUID decisionId, List<UUID> approvedBy) implements DecisionEvent {
    }

    @EventKind("decision.expired")
    record Expired(UUID decisionId, Instant expiresAt, String statusBefore) implements DecisionEvent {
    }

    @EventKind("decision.superseded")
    record Superseded(UUID decisionId, UUID supersededBy) implements DecisionEvent {
    }
}
