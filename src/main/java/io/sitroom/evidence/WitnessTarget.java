package io.sitroom.evidence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A witness this server sends its checkpoints to, with the witness's pinned public keys (every answer is
 * checked against them before it is kept) and where its sending stands (failures back off).
 */
@Entity
@Table(name = "witness_target")
public class WitnessTarget extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, length = 100, unique = true)
    public String name;

    /** The witness's {@code POST /api/witness/checkpoints} address. */
    @Column(nullable = false, length = 2000)
    public String url;

    /** The witness's pinned JWK Set, as JSON. */
    @Column(nullable = false, length = 20000)
    public String keys;

    @Column(nullable = false)
    public boolean active;

    /** Failed attempts in a row (0 once an answer is kept). */
    @Column(nullable = false)
    public int failures;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_error", length = 500)
    public String lastError;

    @Column(name = "created_by", nullable = false)
    public UUID createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
