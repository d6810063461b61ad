package io.sitroom.comms;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A posted status update (its fields as the event's JSON data). */
@Entity
@Table(name = "status_update")
@IdClass(StatusUpdate.Key.class)
public class StatusUpdate extends PanacheEntityBase {

    public record Key(UUID roomId, long seq) implements Serializable {
    }

    @Id
    @Column(name = "room_id")
    public UUID roomId;

    @Id
    public long seq;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Audience audience;

    @Column(nullable = false, length = 100_000)
    public String data;

    @Column(name = "posted_by", nullable = false)
    public UUID postedBy;

    @Column(name = "posted_at", nullable = false)
    public Instant postedAt;
}
