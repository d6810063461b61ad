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

/** One role's acknowledgement of a request, by one of its holders. */
@Entity
@Table(name = "ack_response")
@IdClass(AckResponse.Key.class)
public class AckResponse extends PanacheEntityBase {

    public record Key(UUID ackId, String role) implements Serializable {
    }

    @Id
    @Column(name = "ack_id")
    public UUID ackId;

    /** The role's wire name. */
    @Id
    @Column(length = 32)
    public String role;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(name = "display_name", nullable = false, length = 128)
    public String displayName;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public long seq;
}
