package io.sitroom.room;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.sitroom.role.Role;

/**
 * Snapshots shared by the members who see a room alike, for as long as its head does not move: the
 * welcomes of a reconnect storm, thousands of sockets opening at once. A snapshot depends on the
 * viewer only through what it may see and issue: its roles, and the restricted events it wrote itself
 * (an author always sees its own). So members holding the same roles share one snapshot, except
 * those who wrote a restricted event, whose snapshots are built for them alone. An exercise's
 * snapshot tells the scenario time, which runs without events, so it is shared for half a second only.
 */
@ApplicationScoped
class SnapshotCache {

    /** Rooms kept: the busiest ones; a room not asked for lately is built again when it is. */
    static final int ROOMS = 512;
    static final Duration EXERCISE_REUSE = Duration.ofMillis(500);

    /** One room at one head: who wrote restricted events up to it, and its snapshots by the viewer's roles. */
    private static final class Entry {
        final long head;
        final Set<UUID> restrictedAuthors;
        final Map<Set<Role>, Built> byRoles = new ConcurrentHashMap<>();

        Entry(long head, Set<UUID> restrictedAuthors) {
            this.head = head;
            this.restrictedAuthors = restrictedAuthors;
        }
    }

    private record Built(RoomSnapshot snapshot, Instant at) {
    }

    private final Map<UUID, Entry> rooms = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Entry> eldest) {
            return size() > ROOMS;
        }
    };

    /**
     * A snapshot already built for members who see the room as this one does, at the head just read; null when
     * there is none (it is then built in a consistent view, by {@link #of}). Reads nothing.
     */
    RoomSnapshot shared(UUID roomId, long head, RoomKind kind, Member viewer, Instant now) {
        Entry known;
        synchronized (rooms) {
            known = rooms.get(roomId);
        }
        if (known == null || known.head != head || known.restrictedAuthors.contains(viewer.userId())) {
            return null;
        }
        Built built = known.byRoles.get(viewer.roles());
        return built == null || stale(kind, built, now) ? null : built.snapshot();
    }

    private static boolean stale(RoomKind kind, Built built, Instant now) {
        return kind == RoomKind.EXERCISE && built.at().plus(EXERCISE_REUSE).isBefore(now);
    }

    /**
     * The snapshot of a room (at the head the caller just read, in its transaction) for a member:
     * shared when another member with the same roles asked at the same head, else built. Built once: the
     * first welcomes of a storm, all missing it at the same moment, wait for one of them to build it
     * (their transactions read the same head, so it is theirs too) instead of each building its own.
     */
    RoomSnapshot of(Room room, Member viewer, Instant now, Supplier<RoomSnapshot> build) {
        Entry entry = entry(room);
        if (entry.restrictedAuthors.contains(viewer.userId())) {
            return build.get();
        }
        Built built = entry.byRoles.get(viewer.roles());
        if (built == null || stale(room.kind, built, now)) {
            synchronized (entry) {
                built = entry.byRoles.get(viewer.roles());
                if (built == null || stale(room.kind, built, now)) {
                    built = new Built(build.get(), now);
                    entry.byRoles.put(Set.copyOf(viewer.roles()), built);
                }
            }
        }
        return built.snapshot();
    }

    /** The room's entry at its current head: carried forward from an earlier head by reading only the events since. */
    private Entry entry(Room room) {
        Entry known;
        synchronized (rooms) {
            known = rooms.get(room.id);
        }
        if (known != null && known.head == room.headSeq) {
            return known;
        }
        Set<UUID> authors = new HashSet<>();
        long after = 0;
        if (known != null && known.head < room.headSeq) {
            authors.addAll(known.restrictedAuthors);
            after = known.head;
        }
        for (Object[] row : LoggedEvent.restrictedAuthors(room.id, after)) {
            authors.add((UUID) row[1]);
        }
        Entry fresh = new Entry(room.headSeq, Set.copyOf(authors));
        synchronized (rooms) {
            Entry current = rooms.get(room.id);
            if (current == null || current.head < fresh.head) {
                rooms.put(room.id, fresh);
                return fresh;
            }
            return current.head == fresh.head ? current : fresh;
        }
    }
}
