package io.sitroom.decision;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.sitroom.role.Role;

/** A decision as its decider sees it. */
public record DecisionState(UUID id, Status status, Set<Role> approvers, UUID proposedBy, List<Vote> votes, Instant expiresAt,
        UUID supersedes) {

    public enum Status {
        PROPOSED,
        ACCEPTED,
        REJECTED,
        EXPIRED,
        SUPERSEDED;

        public String wire() {
            return name().toLowerCase();
        }
    }

    /** A member's approval or rejection, and the listed roles it covered. */
    public record Vote(UUID userId, Set<Role> roles, boolean approve) {
    }

    public DecisionState {
        approvers = Set.copyOf(approvers);
        votes = List.copyOf(votes);
    }

    public Set<Role> approvedRoles() {
        EnumSet<Role> covered = EnumSet.noneOf(Role.class);
        votes.stream().filter(Vote::approve).forEach(v -> covered.addAll(v.roles()));
        return covered;
    }

    public Set<Role> missingRoles() {
        EnumSet<Role> missing = EnumSet.noneOf(Role.class);
        missing.addAll(approvers);
        missing.removeAll(approvedRoles());
        return missing;
    }

    public boolean hasVoted(UUID userId) {
        return votes.stream().anyMatch(v -> v.userId().equals(userId));
    }
}
