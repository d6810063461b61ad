package io.sitroom.exercise;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One uploaded version of a scenario: written once, never changed. */
@Entity
@Table(name = "scenario_version")
@IdClass(ScenarioVersion.Key.class)
public class ScenarioVersion extends PanacheEntityBase {

    @Id
    @Column(name = "scenario_id", length = 64)
    public String scenarioId;

    @Id
    @Column(name = "version")
    public int version;

    @Column(nullable = false, length = 200)
    public String title;

    @Column(nullable = false, length = 1_000_000)
    public String yaml;

    @Column(name = "uploaded_by", nullable = false)
    public UUID uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    public Instant uploadedAt;

    public static class Key implements Serializable {
        public String scenarioId;
        public int version;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.version == version && Objects.equals(k.scenarioId, scenarioId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(scenarioId, version);
        }
    }
}
