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
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.sitroom.role.Role;

/** A person's membership of a room and the roles they hold there now (a projection of the log). */
@Entity
@Table(name = "room_member")
@IdClass(RoomMember.Key.class)
public class RoomMember extends PanacheEntityBase {

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
