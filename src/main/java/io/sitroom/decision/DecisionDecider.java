package io.sitroom.decision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.sitroom.decision.DecisionState.Status;
import io.sitroom.decision.DecisionState.Vote;
import io.sitroom.error.SitroomException;
import io.sitroom.role.Role;
import io.sitroom.room.Authority;
import io.sitroom.room.CommandContext;
import io.sitroom.room.Member;
import io.sitroom.room.NewEvent;

/**
 * The decision log's rules (DACI): a working role proposes and names the approver roles; a
 * holder of each must approve; a rejection is final and keeps its reason; the proposer never
 * counts as the only approver of their own proposal; a decision with an expiry is a time-bound
 * exception that expires by itself. Pure.
 */
public final class DecisionDecider {

    private DecisionDecider() {
    }

    public static List<NewEvent> propose(DecisionCommand.Propose c, CommandContext context, UUID newId,
            Optional<DecisionState> superseded) {
        if (c.expiresAt() != null && !c.expiresAt().isAfter(context.now())) {
            throw SitroomException.invalid("expiresAt must be in the future");
        }
        if (c.supersedes() != null) {
            DecisionState old = superseded
                    .orElseThrow(() -> SitroomException.notFound("no decision " + c.supersedes() + " in this room to supersede"));
            if (old.status() == Status.REJECTED || old.status() == Status.SUPERSEDED) {
                throw SitroomException.conflict("decision " + old.id() + " is " + old.status().wire() + " and cannot be superseded");
            }
        }
        return List.of(NewEvent.forEveryone(new DecisionEvent.Proposed(newId, c.title(), c.context(), c.options(), c.choice(),
                c.rationale(), c.approvers(), c.expiresAt(), c.supersedes())));
    }

    public static List<NewEvent> approve(DecisionCommand.Approve c, CommandContext context, DecisionState decision,
            Optional<DecisionState> superseded) {
        Member actor = context.actor();
        Set<Role> covers = requireOpenForVote(decision, actor, "approve");
        List<Vote> votes = new ArrayList<>(decision.votes());
        votes.add(new Vote(actor.userId(), covers, true));
        DecisionState after = new DecisionState(decision.id(), decision.status(), decision.approvers(), decision.proposedBy(), votes,
                decision.expiresAt(), decision.supersedes());
        Set<Role> missing = after.missingRoles();
        boolean independent = votes.stream().anyMatch(v -> v.approve() && !v.userId().equals(decision.proposedBy()));
        List<NewEvent> events = new ArrayList<>();
        events.add(NewEvent.forEveryone(new DecisionEvent.Approved(decision.id(), covers, c.comment(), missing,
                missing.isEmpty() && !independent)));
        if (missing.isEmpty() && independent) {
            List<UUID> approvedBy = votes.stream().filter(Vote::approve).map(Vote::userId).toList();
            events.add(NewEvent.forEveryone(new DecisionEvent.Accepted(decision.id(), approvedBy)));
            superseded.filter(old -> old.status() != Status.REJECTED && old.status() != Status.SUPERSEDED)
                    .ifPresent(old -> events.add(NewEvent.forEveryone(new DecisionEvent.Superseded(old.id(), decision.id()))));
        }
        return events;
    }

    public static List<NewEvent> reject(DecisionCommand.Reject c, CommandContext context, DecisionState decision) {
        Set<Role> covers = requireOpenForVote(decision, context.actor(), "reject");
        return List.of(NewEvent.forEveryone(new DecisionEvent.Rejected(decision.id(), covers, c.reason())));
    }

    /** A decision with an expiry, proposed or accepted, expires when its time has come. */
    public static List<NewEvent> expire(DecisionState decision, Instant now) {
        if (decision.expiresAt() == null || decision.expiresAt().isAfter(now)
                || !(decision.status() == Status.PROPOSED || decision.status() == Status.ACCEPTED)) {
            return List.of();
        }
        return List.of(NewEvent.forEveryone(new DecisionEvent.Expired(decision.id(), decision.expiresAt(), decision.status().wire())));
    }

    private static Set<Role> requireOpenForVote(DecisionState decision, Member actor, String verb) {
        if (decision == null) {
            throw SitroomException.notFound("no such decision in this room");
        }
        EnumSet<Role> covers = EnumSet.noneOf(Role.class);
        actor.roles().stream().filter(decision.approvers()::contains).forEach(covers::add);
        if (covers.isEmpty()) {
            throw SitroomException.forbidden("only " + Authority.describe(decision.approvers()) + " may " + verb + " this decision");
        }
        if (decision.status() != Status.PROPOSED) {
            throw SitroomException.conflict("the decision is already " + decision.status().wire());
        }
        if (decision.hasVoted(actor.userId())) {
            throw SitroomException.conflict(actor.displayName() + " has already voted on this decision");
        }
        return covers;
    }
}
