package io.sitroom.comms;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import io.sitroom.role.Role;

/** An external statement: its versions, which one is current, and which one was published. */
@Entity
@Table(name = "statement")
public class Statement extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "room_id", nullable = false)
    public UUID roomId;

    @Column(name = "current_version", nullable = false)
    public int currentVersion;

    @Column(name = "published_version")
    public Integer publishedVersion;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Statement inRoom(UUID roomId, UUID id) {
        return find("roomId = ?1 and id = ?2", roomId, id).firstResult();
    }

    /** The seq of the event that drafted its first version. */
    public long firstSeq() {
        return StatementVersion.<StatementVersion> findById(new StatementVersion.Key(id, 1)).seq;
    }

    public StatementVersion current() {
        return StatementVersion.findById(new StatementVersion.Key(id, currentVersion));
    }

    public List<StatementApproval> approvalsOf(int version) {
        return StatementApproval.list("statementId = ?1 and version = ?2", Sort.ascending("seq"), id, version);
    }

    public StatementState toState() {
        Map<Role, UUID> approvals = new EnumMap<>(Role.class);
        approvalsOf(currentVersion).forEach(a -> approvals.put(Role.of(a.role), a.userId));
        return new StatementState(id, currentVersion, current().textHash, publishedVersion, approvals);
    }
}
