package io.sitroom.statuspage;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A published statement, copied when it was published: exactly the version that went out (a later draft
 * or approval never changes it), with its text hash and the incident's status at that moment.
 */
@Entity
@Table(name = "status_page_update")
@IdClass(PublicUpdate.Key.class)
public class PublicUpdate extends PanacheEntityBase {

    public record Key(UUID roomId, long seq) implements Serializable {
    }

    @Id
    @Column(name = "room_id")
    public UUID roomId;

    /** The seq of the room's {@code statement.published}. */
    @Id
    public long seq;

    @Column(name = "statement_id", nullable = false)
    public UUID statementId;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false, length = 200)
    public String title;

    @Column(nullable = false, length = 20_000)
    public String body;

    @Column(name = "text_hash", nullable = false, length = 64)
    public String textHash;

    @Column(nullable = false, length = 16)
    public String status;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;
}
