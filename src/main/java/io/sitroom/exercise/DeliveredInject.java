package io.sitroom.exercise;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An inject delivered in an exercise; its key makes a second delivery impossible. */
@Entity
@Table(name = "exercise_inject")
@IdClass(DeliveredInject.Key.class)
public class DeliveredInject extends PanacheEntityBase {

    public record Key(UUID roomId, String injectId) implements Serializable {
    }

    @Id
    @Column(name = "room_id")
    public UUID roomId;

    @Id
    @Column(name = "inject_id", length = 64)
    public String injectId;

    @Column(nullable = false)
    public long seq;

    @Column(name = "scenario_ms", nullable = false)
    public long scenarioMs;

    @Column(name = "delivered_at", nullable = false)
    public Instant deliveredAt;

    @Column(nullable = false)
    public boolean manual;
}
