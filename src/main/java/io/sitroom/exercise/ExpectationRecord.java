package io.sitroom.exercise;

import java.io.Serializable;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An expectation of a delivered inject: pending, met or missed. */
@Entity
@Table(name = "exercise_expectation")
@IdClass(ExpectationRecord.Key.class)
public class ExpectationRecord extends PanacheEntityBase {

    public record Key(UUID roomId, String expectationId) implements Serializable {
    }

    @Id
    @Column(name = "room_id")
    public UUID roomId;

    @Id
    @Column(name = "expectation_id", length = 64)
    public String expectationId;

    @Column(name = "inject_id", nullable = false, length = 64)
    public String injectId;

    /** The role's wire name. */
    @Column(nullable = false, length = 32)
    public String role;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    public PlaybackState.Outcome outcome;

    @Column(name = "due_scenario_ms", nullable = false)
    public long dueScenarioMs;

    @Column(name = "settled_seq")
    public Long settledSeq;

    @Column(name = "settled_scenario_ms")
    public Long settledScenarioMs;
}
