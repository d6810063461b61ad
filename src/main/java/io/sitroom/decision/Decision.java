package io.sitroom.decision;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import io.sitroom.role.Role;
import io.sitroom.room.RoleSetConverter;

/** The decision log's projection: one row per decision, with its current status. */
@Entity
@Table(name = "decision")
public class Decision extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "room_id", nullable = false)
    public UUID roomId;

    @Column(name = "proposed_seq", nullable = false)
    public long proposedSeq;

    @Column(nullable = false, length = 200)
    public String title;

    @Column(length = 10_000)
    public String context;

    /** The options considered, as a JSON array. */
    @Column(length = 10_000)
    public String options;

    @Column(nullable = false, length = 2_000)
    public String choice;

    @Column(nullable = false, length = 10_000)
    public String rationale;

    @Convert(converter = RoleSetConverter.class)
    @Column(nullable = false, length = 512)
    public Set<Role> approvers;

    @Column(name = "proposed_by", nullable = false)
    public UUID proposedBy;

    @Column(name = "proposed_name", nullable = false, length = 128)
    public String proposedName;

    @Column(name = "proposed_at", nullable = false)
    public Instant proposedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public DecisionState.Status status;

    @Column(name = "expires_at")
    public Instant expiresAt;

    public UUID supersedes;

    @Column(name = "superseded_by")
    public UUID supersededBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    public static Decision inRoom(UUID roomId, UUID id) {
        return find("roomId = ?1 and id = ?2", roomId, id).firstResult();
    }

    public static List<Decision> ofRoom(UUID roomId) {
        return list("roomId", Sort.ascending("proposedSeq"), roomId);
    }

    public List<DecisionVote> votes() {
        return DecisionVote.list("decisionId", Sort.ascending("seq"), id);
    }

    public DecisionState toState() {
        return new DecisionState(id, status, approvers, proposedBy,
                votes().stream().map(v -> new DecisionState.Vote(v.userId, v.roles, v.approve)).toList(), expiresAt, supersedes);
    }
}
