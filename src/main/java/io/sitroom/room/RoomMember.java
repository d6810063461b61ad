package io.sitroom.room;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.sitroom.role.Role;

/** A person's membership of a room and the roles they hold there now (a projection of the log). */
@Entity
@Table(name = "room_member")
@IdClass(RoomMember.Key.class)
// Named: parsed once as the application starts, not by the first sockets of a storm all at once (RoomService).
@NamedQuery(name = RoomMember.EXISTS, query = "select 1 from RoomMember m where m.roomId = :room and m.userId = :user")
@NamedQuery(name = RoomMember.WITH_HEAD, query = "select r.headSeq, r.kind, m from Room r join RoomMember m on m.roomId = r.id"
        + " where r.id = :room and m.userId = :user")
public class RoomMember extends PanacheEntityBase {

    /** Whether the {@code user} is a member of the {@code room}: a row, or none. */
    public static final String EXISTS = "RoomMember.exists";
    /** The {@code room}'s head seq and kind with its member {@code user}, read together: one row, or none. */
    public static final String WITH_HEAD = "RoomMember.withHead";

    public record Key(UUID roomId, UUID userId) implements Serializable {
    }

    @Id
    @Column(name = "room_id")
    public UUID roomId;

    @Id
    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "display_name", nullable = false, length = 128)
    public String displayName;

    @Convert(converter = RoleSetConverter.class)
    @Column(nullable = false, length = 512)
    public Set<Role> roles;

    @Column(name = "joined_at", nullable = false)
    public Instant joinedAt;

    /** The seq of the member.added event (null for memberships older than this column). */
    @Column(name = "joined_seq")
    public Long joinedSeq;

    public Member toMember() {
        return new Member(userId, displayName, roles);
    }

    public static List<RoomMember> ofRoom(UUID roomId) {
        return list("roomId", roomId);
    }

    public static RoomMember find(UUID roomId, UUID userId) {
        return findById(new Key(roomId, userId));
    }
}
