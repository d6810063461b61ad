package io.sitroom.evidence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A server whose checkpoints this one countersigns as a witness, known by the public keys it signs with. */
@Entity
@Table(name = "witness_origin")
public class WitnessOrigin extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, length = 100, unique = true)
    public String name;

    /** The origin's pinned JWK Set, as JSON. */
    @Column(nullable = false, length = 20000)
    public String keys;

    @Column(name = "created_by", nullable = false)
    public UUID createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
