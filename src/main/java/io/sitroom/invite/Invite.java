package io.sitroom.invite;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An invitation into one room with one role. Only the hash of its code is kept. */
@Entity
@Table(name = "invite")
public class Invite extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "room_id", nullable = false)
    public UUID roomId;

    @Column(name = "code_hash", nullable = false, unique = true, length = 64)
    public String codeHash;

    /** The role's wire name. */
    @Column(nullable = false, length = 32)
    public String role;

    @Column(name = "created_by", nullable = false)
    public UUID createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(nullable = false)
    public int uses;

    /** How many may join with it; null: no limit but its expiry. */
    @Column(name = "max_uses")
    public Integer maxUses;

    /** Whether someone may still join with it now: not revoked, not expired, not used up. */
    public boolean validAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt) && (maxUses == null || uses < maxUses);
    }
}
