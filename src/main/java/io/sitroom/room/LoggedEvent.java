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
 * One row of a room's append-only log. Never updated, with one exception: an approved erasure
 * ({@code event.erased}, a later event of the same log) clears a version-2 row's {@code data} and
 * {@code contentSalt}, leaving the {@code contentDigest} its hash covers. A correction is a new event.
 * Every column that says what happened is covered by {@link #hash} (see {@link HashChain}).
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

    /** The event's data in canonical JSON; {@code null} (the JSON text) once erased. */
    @Column(nullable = false, length = 1_000_000)
    public String data;

    /** Null when everyone in the room may see it; else comma-separated wire names of roles. */
    @Column(name = "visible_to", length = 512)
    public String visibleTo;

    /** Chain version 2: the salt of the content commitment; null in version 1, and once the content is erased. */
    @Column(name = "content_salt", length = 64)
    public String contentSalt;

    /** Chain version 2: {@code sha256(contentSalt + canonical data)}, what the hash covers; null in version 1. */
    @Column(name = "content_digest", length = 64)
    public String contentDigest;

    @Column(name = "prev_hash", nullable = false, length = 64)
    public String prevHash;

    @Column(nullable = false, length = 64)
    public String hash;

    /** Whether this is a version-2 row whose content was erased. */
    public boolean erased() {
        return contentDigest != null && contentSalt == null;
    }

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

    /** The newest events of one kind with {@code seq < before}, newest first. */
    static List<LoggedEvent> latestOfKindBefore(UUID roomId, String kind, long before, int limit) {
        return find("roomId = ?1 and kind = ?2 and seq < ?3", Sort.descending("seq"), roomId, kind, before).page(0, limit).list();
    }

    /** The seqs and authors of restricted events with {@code seq > after}: who wrote something not everyone may see. */
    static List<Object[]> restrictedAuthors(UUID roomId, long after) {
        return getEntityManager().createQuery(
                "select e.seq, e.actorId from LoggedEvent e where e.roomId = ?1 and e.seq > ?2 and e.visibleTo is not null"
                        + " and e.actorId is not null", Object[].class)
                .setParameter(1, roomId).setParameter(2, after).getResultList();
    }
}
