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

/** One version of a statement's text, with the hash its approvals name. */
@Entity
@Table(name = "statement_version")
@IdClass(StatementVersion.Key.class)
public class StatementVersion extends PanacheEntityBase {

    public record Key(UUID statementId, int version) implements Serializable {
    }

    @Id
    @Column(name = "statement_id")
    public UUID statementId;

    @Id
    public int version;

    @Column(nullable = false, length = 200)
    public String title;

    @Column(nullable = false, length = 20_000)
    public String body;

    @Column(nullable = false, length = 64)
    public String channel;

    @Column(name = "text_hash", nullable = false, length = 64)
    public String textHash;

    @Column(name = "drafted_by", nullable = false)
    public UUID draftedBy;

    @Column(name = "drafted_name", nullable = false, length = 128)
    public String draftedName;

    @Column(name = "drafted_at", nullable = false)
    public Instant draftedAt;

    @Column(nullable = false)
    public long seq;
}
