package io.sitroom.comms;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import io.sitroom.role.Role;
import io.sitroom.room.RoleSetConverter;

/** A request that named roles acknowledge an event. Open until each role answered. */
@Entity
@Table(name = "ack_request")
public class AckRequest extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "room_id", nullable = false)
    public UUID roomId;

    @Column(nullable = false)
    public long seq;

    @Column(name = "about_seq", nullable = false)
    public long aboutSeq;

    @Convert(converter = RoleSetConverter.class)
    @Column(nullable = false, length = 512)
    public Set<Role> roles;

    @Column(name = "requested_by", nullable = false)
    public UUID requestedBy;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(nullable = false)
    public boolean overdue;

    public static AckRequest inRoom(UUID roomId, UUID id) {
        return find("roomId = ?1 and id = ?2", roomId, id).firstResult();
    }

    public List<AckResponse> responses() {
        // One acknowledgement may answer for several roles: by role within it, so the order is fixed.
        return AckResponse.list("ackId", Sort.ascending("seq", "role"), id);
    }

    public AckState toState() {
        Map<Role, UUID> given = new EnumMap<>(Role.class);
        responses().forEach(r -> given.put(Role.of(r.role), r.userId));
        return new AckState(id, aboutSeq, roles, given, dueAt, overdue);
    }
}
