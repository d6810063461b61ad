package io.sitroom.alert;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.sitroom.room.Severity;

/** A monitoring system allowed to open incidents, with its own token (kept as a hash) and the account rooms open under. */
@Entity
@Table(name = "integration")
public class Integration extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, length = 100)
    public String name;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    public String tokenHash;

    /** The account that becomes incident commander of the rooms this integration opens. */
    @Column(name = "owner_id", nullable = false)
    public UUID ownerId;

    @Column(name = "default_severity", nullable = false, length = 32)
    public Severity defaultSeverity;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;
}
