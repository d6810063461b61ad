package io.sitroom.audit;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One administrative action: who did what to what, when. Never updated or deleted by the application. */
@Entity
@Table(name = "audit_log")
public class AuditEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public Instant at;

    @Column(name = "actor_id")
    public UUID actorId;

    @Column(name = "actor_name", length = 128)
    public String actorName;

    @Column(nullable = false, length = 64)
    public String action;

    @Column(length = 200)
    public String target;

    @Column(length = 2000)
    public String detail;
}
