package io.sitroom.action;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.sitroom.room.HashChain;

/** An action item as clients see it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActionView(UUID actionId, UUID roomId, long seq, String title, Owner owner, String dueAt, boolean overdue, String status,
        UUID decisionId, ActionCommand.Risk risk, Integer riskScore, String createdAt, String updatedAt, String closedAt) {

    public record Owner(UUID userId, String displayName, String role) {
    }

    static ActionView of(ActionItem a) {
        ActionCommand.Risk risk = a.riskScore == null ? null
                : new ActionCommand.Risk(a.riskLikelihood, a.riskImpact, a.riskExposure, a.riskEffort);
        Owner owner = a.ownerId == null && a.ownerRole == null ? null
                : new Owner(a.ownerId, a.ownerName, a.ownerRole == null ? null : a.ownerRole.wire());
        return new ActionView(a.id, a.roomId, a.createdSeq, a.title, owner, time(a.dueAt), a.overdue, a.status.wire(), a.decisionId,
                risk, a.riskScore, time(a.createdAt), time(a.updatedAt), time(a.closedAt));
    }

    private static String time(java.time.Instant at) {
        return at == null ? null : HashChain.formatTime(at);
    }
}
