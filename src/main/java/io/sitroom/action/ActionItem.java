package io.sitroom.action;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.sitroom.role.Role;
import io.sitroom.role.RoleConverter;

/** The projection of an action item. Outlives its room's activity: closed rooms keep their actions. */
@Entity
@Table(name = "action_item")
public class ActionItem extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "room_id", nullable = false)
    public UUID roomId;

    @Column(name = "created_seq", nullable = false)
    public long createdSeq;

    @Column(nullable = false, length = 500)
    public String title;

    @Column(name = "owner_id")
    public UUID ownerId;

    @Column(name = "owner_name", length = 128)
    public String ownerName;

    @Convert(converter = RoleConverter.class)
    @Column(name = "owner_role", length = 32)
    public Role ownerRole;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "decision_id")
    public UUID decisionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public ActionStatus status;

    @Column(nullable = false)
    public boolean overdue;

    @Column(name = "risk_likelihood")
    public Integer riskLikelihood;

    @Column(name = "risk_impact")
    public Integer riskImpact;

    @Column(name = "risk_exposure")
    public Integer riskExposure;

    @Column(name = "risk_effort")
    public Integer riskEffort;

    @Column(name = "risk_score")
    public Integer riskScore;

    @Column(name = "created_by", nullable = false)
    public UUID createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    public ActionState toState() {
        return new ActionState(id, title, ownerId, ownerRole, dueAt, status, overdue);
    }

    public static ActionItem inRoom(UUID roomId, UUID id) {
        return find("roomId = ?1 and id = ?2", roomId, id).firstResult();
    }
}
