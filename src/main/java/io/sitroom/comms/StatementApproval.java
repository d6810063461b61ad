package io.sitroom.comms;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An approval of one version of a statement, as one role, by one person. */
@Entity
@Table(name = "statement_approval")
@IdClass(StatementApproval.Key.class)
public class StatementApproval extends PanacheEntityBase {

    public record Key(UUID statementId, int version, String role) implements Serializable {
    }

    @Id
    @Column(name = "statement_id")
    public UUID statementId;

    @Id
    public int version;

    /** The role's wire name. */
    @Id
    @Column(length = 32)
    public String role;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(name = "display_name", nullable = false, length = 128)
    public String displayName;

    @Column(name = "text_hash", nullable = false, length = 64)
    public String textHash;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public long seq;
}
