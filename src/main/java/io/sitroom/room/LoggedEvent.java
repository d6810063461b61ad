package io.sitroom.room;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import io.sitroom.role.Role;

/**
 * One row of a room's append-only log. Never updated: a correction is a new event. Every column
 * that says what happened is covered by {@link #hash} (see {@link HashChain}).
 */
@Entity
@Table(name = "room_event")
@IdClass(LoggedEvent.Key.class)
public class LoggedEvent extends PanacheEntityBase {

    public record Key(UUID roomId, long seq) implements Serializable {
    }

    @Id
    @Column(name = "room_id")
    public UUID roomId;

    @Id
    public long seq;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false, length = 64)
    public String kind;

    /** Null for events the server appends by itself (timers, the playback engine). */
    @Column(name = "actor_id")
    public UUID actorId;

    @Column(name = "actor_name", length = 128)
    public String actorName;

    /** The actor's roles when they acted, comma-separated wire names. */
    @Column(name = "actor_roles", length = 512)
    public String actorRoles;

    @Column(name = "command_id", length = 64)
    public String commandId;

    /** The event's data in canonical JSON. */
    @Column(nullable = false, length = 1_000_000)
    public String data;

    /** Null when everyone in the room may see it; else comma-separated wire names of roles. */
    @Column(name = "visible_to", length = 512)
    public String visibleTo;

    @Column(name = "prev_hash", nullable = false, length = 64)
    public String prevHash;

    @Column(nullable = false, length = 64)
    public String hash;

    public Set<Role> visibleToRoles() {
        return visibleTo == null ? null : RoleSetConverter.split(visibleTo);
    }

    public boolean visibleTo(Viewer viewer) {
        return viewer.maySee(visibleToRoles(), actorId);
    }

    /** Events with {@code seq > after}, oldest first, at most {@code limit}. */
    public static List<LoggedEvent> page(UUID roomId, long after, int limit) {
        return find("roomId = ?1 and seq > ?2", Sort.ascending("seq"), roomId, after).page(0, limit).list();
    }

    /** Events of one kind with {@code seq > after}, oldest first, at most {@code limit}. */
    public static List<LoggedEvent> pageOfKind(UUID roomId, String kind, long after, int limit) {
        return find("roomId = ?1 and kind = ?2 and seq > ?3", Sort.ascending("seq"), roomId, kind, after).page(0, limit).list();
    }

    /** The newest events of one kind, newest first. */
    public static List<LoggedEvent> latestOfKind(UUID roomId, String kind, int limit) {
        return find("roomId = ?1 and kind = ?2", Sort.descending("seq"), roomId, kind).page(0, limit).list();
    }

    /** Up to {@code limit} events of one kind before {@code seq}, newest first. */
    public static List<LoggedEvent> latestOfKindBefore(UUID roomId, String kind, long seq, int limit) {
        return find("roomId = ?1 and kind = ?2 and seq < ?3", Sort.descending("seq"), roomId, kind, seq).page(0, limit).list();
    }
}
