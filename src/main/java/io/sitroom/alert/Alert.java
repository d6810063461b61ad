package io.sitroom.alert;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The room an alert fingerprint belongs to: the same fingerprint adds to that room while it is open. */
@Entity
@Table(name = "alert")
@IdClass(Alert.Key.class)
public class Alert extends PanacheEntityBase {

    public record Key(UUID integrationId, String fingerprint) implements Serializable {
    }

    @Id
    @Column(name = "integration_id")
    public UUID integrationId;

    @Id
    @Column(length = 200)
    public String fingerprint;

    @Column(name = "room_id", nullable = false)
    public UUID roomId;

    @Column(nullable = false, length = 16)
    public String status;

    @Column(name = "first_seen", nullable = false)
    public Instant firstSeen;

    @Column(name = "last_seen", nullable = false)
    public Instant lastSeen;

    @Column(nullable = false)
    public int received;
}
