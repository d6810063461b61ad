package io.sitroom.decision;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.sitroom.role.Role;
import io.sitroom.room.EventPayload;

/** Events of the decision log. */
public sealed interface DecisionEvent extends EventPayload {

    UUID decisionId();

    record Proposed(UUID decisionId, String title, String context, List<String> options, String choice, String rationale,
            Set<Role> approvers, Instant expiresAt, UUID supersedes) implements DecisionEvent {
        @Override
        public String kind() {
            return "decision.proposed";
        }
    }

    /** One approval; {@code roles} are the listed approver roles it covers, {@code missing} those still without one. */
    record Approved(UUID decisionId, Set<Role> roles, String comment, Set<Role> missing, boolean needsIndependentApprover)
            implements DecisionEvent {
        @Override
        public String kind() {
            return "decision.approved";
        }
    }

    record Rejected(UUID decisionId, Set<Role> roles, String reason) implements DecisionEvent {
        @Override
        public String kind() {
            return "decision.rejected";
        }
    }

    record Accepted(UUID decisionId, List<UUID> approvedBy) implements DecisionEvent {
        @Override
        public String kind() {
            return "decision.accepted";
        }
    }

    record Expired(UUID decisionId, Instant expiresAt, String statusBefore) implements DecisionEvent {
        @Override
        public String kind() {
            return "decision.expired";
        }
    }

    record Superseded(UUID decisionId, UUID supersededBy) implements DecisionEvent {
        @Override
        public String kind() {
            return "decision.superseded";
        }
    }
}
