package io.sitroom.bundle;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An imported exercise bundle, kept whole: written once, never changed. */
@Entity
@Table(name = "exercise_archive")
public class ArchivedExercise extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "source_room_id", nullable = false)
    public UUID sourceRoomId;

    @Column(nullable = false, length = 200)
    public String title;

    @Column(nullable = false, length = 16)
    public String status;

    @Column(name = "scenario_id", nullable = false, length = 64)
    public String scenarioId;

    /** The scenario's version on this server. */
    @Column(name = "scenario_version", nullable = false)
    public int scenarioVersion;

    /** The scenario's version on the exporting server. */
    @Column(name = "source_scenario_version", nullable = false)
    public int sourceScenarioVersion;

    @Column(name = "head_seq", nullable = false)
    public long headSeq;

    @Column(name = "head_hash", nullable = false, length = 64)
    public String headHash;

    @Column(length = 500)
    public String source;

    @Column(name = "exported_at", nullable = false)
    public Instant exportedAt;

    @Column(name = "imported_by", nullable = false)
    public UUID importedBy;

    @Column(name = "imported_at", nullable = false)
    public Instant importedAt;

    /** The zip as uploaded, byte for byte; loaded only when asked for (a list never needs it). */
    @Basic(fetch = FetchType.LAZY)
    @JdbcTypeCode(SqlTypes.VARBINARY)
    @Column(nullable = false)
    public byte[] zip;
}
