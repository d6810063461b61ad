package io.sitroom.decision;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.sitroom.room.HashChain;

/** A decision as clients see it: in the snapshot's {@code decisions} and {@code GET /api/rooms/{id}/decisions}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DecisionView(UUID decisionId, long seq, String title, String context, List<String> options, String choice,
        String rationale, List<String> approvers, List<String> missingApprovers, String status, Person proposedBy, String proposedAt,
        String expiresAt, UUID supersedes, UUID supersededBy, String decidedAt, List<VoteView> approvals, List<VoteView> rejections) {

    public record Person(UUID userId, String displayName) {
    }

    public record VoteView(Person by, List<String> roles, String comment, String at, long seq) {
    }

    static DecisionView of(Decision d, List<String> options) {
        List<DecisionVote> votes = d.votes();
        DecisionState state = d.toState();
        return new DecisionView(d.id, d.proposedSeq, d.title, d.context, options, d.choice, d.rationale, names(d.approvers),
                d.status == DecisionState.Status.PROPOSED ? names(state.missingRoles()) : List.of(), d.status.wire(),
                new Person(d.proposedBy, d.proposedName), HashChain.formatTime(d.proposedAt),
                d.expiresAt == null ? null : HashChain.formatTime(d.expiresAt), d.supersedes, d.supersededBy,
                d.decidedAt == null ? null : HashChain.formatTime(d.decidedAt),
                votes.stream().filter(v -> v.approve).map(DecisionView::vote).toList(),
                votes.stream().filter(v -> !v.approve).map(DecisionView::vote).toList());
    }

    private static VoteView vote(DecisionVote v) {
        return new VoteView(new Person(v.userId, v.displayName), names(v.roles), v.comment, HashChain.formatTime(v.at), v.seq);
    }

    private static List<String> names(java.util.Set<io.sitroom.role.Role> roles) {
        return roles.stream().map(io.sitroom.role.Role::wire).sorted().toList();
    }
}
