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

    @Column(name = "cadence_sev1")
    public Long cadenceSev1;

    @Column(name = "cadence_sev2")
    public Long cadenceSev2;

    @Column(name = "cadence_sev3")
    public Long cadenceSev3;

    @Column(name = "cadence_sev4")
    public Long cadenceSev4;

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
        p.cadenceSev1 = applied.cadenceMinutes().get(Severity.SEV1);
        p.cadenceSev2 = applied.cadenceMinutes().get(Severity.SEV2);
        p.cadenceSev3 = applied.cadenceMinutes().get(Severity.SEV3);
        p.cadenceSev4 = applied.cadenceMinutes().get(Severity.SEV4);
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
     * type leaves that severity to the deployment's setting (sitroom.comms.update-cadence).
     */
    public static Optional<Duration> cadence(UUID roomId, Severity severity) {
        RoomPlaybook p = findById(roomId);
        if (p == null) {
            return Optional.empty();
        }
        Long minutes = switch (severity) {
            case SEV1 -> p.cadenceSev1;
            case SEV2 -> p.cadenceSev2;
            case SEV3 -> p.cadenceSev3;
            case SEV4 -> p.cadenceSev4;
        };
        return Optional.ofNullable(minutes).map(Duration::ofMinutes);
    }
}
