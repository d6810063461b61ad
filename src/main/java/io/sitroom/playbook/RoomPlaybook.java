package io.sitroom.playbook;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.sitroom.role.Role;
import io.sitroom.room.Severity;

/** The incident type applied to a room (the projection of playbook.applied). */
@Entity
@Table(name = "room_playbook")
public class RoomPlaybook extends PanacheEntityBase {

    @Id
    @Column(name = "room_id")
    public UUID roomId;

    @Column(name = "type_id", nullable = false, length = 64)
    public String typeId;

    @Column(nullable = false, length = 200)
    public String title;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false, length = 64)
    public String sha256;

    @Column(nullable = false, length = 200)
    public String roles;

    @Column(name = "applied_seq", nullable = false)
    public long appliedSeq;

    @Column(name = "applied_at", nullable = false)
    public Instant appliedAt;

    static RoomPlaybook of(PlaybookEvent.Applied applied, UUID roomId, long seq, Instant at) {
        RoomPlaybook p = new RoomPlaybook();
        p.roomId = roomId;
        p.typeId = applied.typeId();
        p.title = applied.title();
        p.version = applied.version();
        p.sha256 = applied.sha256();
        p.roles = applied.roles().stream().map(Role::wire).sorted().collect(Collectors.joining(","));
        p.appliedSeq = seq;
        p.appliedAt = at;
        return p;
    }

    public Set<Role> roleSet() {
        Set<Role> set = EnumSet.noneOf(Role.class);
        Arrays.stream(roles.split(",")).filter(s -> !s.isEmpty()).map(Role::of).forEach(set::add);
        return set;
    }

    /**
     * The status-update cadence a room's type sets for a severity: empty when no type is applied or the
     * type leaves that severity to the deployment's setting (its taxonomy, sitroom.taxonomy.file).
     */
    public static Optional<Duration> cadence(UUID roomId, Severity severity) {
        return Optional.ofNullable(getEntityManager().find(Cadence.class, new Cadence.Key(roomId, severity.id())))
                .map(c -> Duration.ofMinutes(c.minutes));
    }

    /** Persists this projection and its cadence rows. */
    void record(PlaybookEvent.Applied applied) {
        persist();
        applied.cadenceMinutes().forEach((severity, minutes) -> {
            Cadence c = new Cadence();
            c.roomId = roomId;
            c.severity = severity.id();
            c.minutes = minutes;
            c.persist();
        });
    }

    /** The type's cadence at one severity. */
    @Entity
    @Table(name = "room_playbook_cadence")
    @jakarta.persistence.IdClass(Cadence.Key.class)
    public static class Cadence extends PanacheEntityBase {

        /** The key: a room and a severity id. */
        public static class Key implements java.io.Serializable {
            public UUID roomId;
            public String severity;

            public Key() {
            }

            Key(UUID roomId, String severity) {
                this.roomId = roomId;
                this.severity = severity;
            }

            @Override
            public boolean equals(Object o) {
                return o instanceof Key k && java.util.Objects.equals(roomId, k.roomId) && java.util.Objects.equals(severity, k.severity);
            }

            @Override
            public int hashCode() {
                return java.util.Objects.hash(roomId, severity);
            }
        }

        @Id
        @Column(name = "room_id")
        public UUID roomId;

        @Id
        @Column(length = 32)
        public String severity;

        @Column(nullable = false)
        public long minutes;
    }
}
