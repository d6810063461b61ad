package io.sitroom.decision;

import java.io.Serializable;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.sitroom.role.Role;
import io.sitroom.room.RoleSetConverter;

/** An approval or a rejection (with its reason: dissent is kept) of a decision by one member. */
@Entity
@Table(name = "decision_vote")
@IdClass(DecisionVote.Key.class)
public class DecisionVote extends PanacheEntityBase {

    public record Key(UUID decisionId, UUID userId) implements Serializable {
    }

    @Id
    @Column(name = "decision_id")
    public UUID decisionId;

    @Id
    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "display_name", nullable = false, length = 128)
    public String displayName;

    /** The listed approver roles this vote covered. */
    @Convert(converter = RoleSetConverter.class)
    @Column(nullable = false, length = 512)
    public Set<Role> roles;

    @Column(nullable = false)
    public boolean approve;

    @Column(length = 2_000)
    public String comment;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public long seq;
}
