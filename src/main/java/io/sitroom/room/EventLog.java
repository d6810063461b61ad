package io.sitroom.room;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.sitroom.json.CanonicalJson;

/** Appends hash-chained events to a room's log, and reads (decoded, see {@link EventTypes}) and verifies it. */
@ApplicationScoped
public class EventLog {

    public static final int VERIFY_PAGE = 1000;

    private final EventTypes types;

    /**
     * The clock's time at the log's precision (milliseconds). Deciders see this time, so an instant they
     * derive from it (a checklist item's due time, the next update's) is stored, hashed and exported
     * alike: a database column rounding finer digits could otherwise move it by a millisecond.
     */
    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    public EventLog(EventTypes types) {
        this.types = types;
    }

    /**
     * Appends events to a room whose row the caller has locked (see {@link Room#lockForAppend}),
     * advancing its head. {@code actor} is null for events the server appends by itself.
     */
    List<RecordedEvent> append(Room room, Member actor, String commandId, List<NewEvent> events, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        List<RecordedEvent> appended = new ArrayList<>(events.size());
        for (NewEvent event : events) {
            LoggedEvent e = new LoggedEvent();
            e.roomId = room.id;
            e.seq = room.headSeq + 1;
            e.at = at;
            e.kind = types.kindOf(event.payload());
            if (actor != null) {
                e.actorId = actor.userId();
                e.actorName = actor.displayName();
                e.actorRoles = RoleSetConverter.join(actor.roles());
            }
            e.commandId = commandId;
            JsonNode data = types.toData(event.payload());
            e.data = CanonicalJson.write(data);
            e.visibleTo = event.visibleTo() == null ? null : RoleSetConverter.join(event.visibleTo());
            e.prevHash = room.headHash;
            e.hash = room.chainVersion >= 2 ? HashChain.commitAndHash(e, data) : HashChain.hash(e);
            e.persist();
            room.headSeq = e.seq;
            room.headHash = e.hash;
            appended.add(RecordedEvent.of(e, data, event.payload()));
        }
        return appended;
    }

    /**
     * Recomputes a room's chain from its first event: every seq present once and in order, every
     * {@code prev_hash} the hash before it, every hash what its row says, and the head matching.
     */
    public ChainReport verify(Room room) {
        String expectedPrev = Room.GENESIS_HASH;
        long expectedSeq = 1;
        long count = 0;
        Long firstBad = null;
        TreeSet<Long> erased = new TreeSet<>();
        Set<Long> erasedByEvent = new HashSet<>();
        List<LoggedEvent> page;
        long after = 0;
        do {
            page = LoggedEvent.page(room.id, after, VERIFY_PAGE);
            for (LoggedEvent e : page) {
                count++;
                if (firstBad == null && (e.seq != expectedSeq || !e.prevHash.equals(expectedPrev)
                        || !HashChain.hash(e).equals(e.hash))) {
                    firstBad = e.seq;
                }
                if (e.erased()) {
                    erased.add(e.seq);
                } else if (types.erases(e.kind) && types.decode(e).payload() instanceof ErasesContent erasure) {
                    erasedByEvent.add(erasure.seq());
                }
                expectedPrev = e.hash;
                expectedSeq = e.seq + 1;
                after = e.seq;
            }
        } while (page.size() == VERIFY_PAGE);
        if (firstBad == null && (room.headSeq != count || !room.headHash.equals(expectedPrev))) {
            firstBad = Math.min(room.headSeq, count) + 1;
        }
        // Content gone without an event.erased naming it was removed behind the log's back.
        erased.removeAll(erasedByEvent);
        if (!erased.isEmpty() && (firstBad == null || erased.first() < firstBad)) {
            firstBad = erased.first();
        }
        return new ChainReport(firstBad == null, count, room.headHash, firstBad);
    }

    /**
     * Erases the content of a version-2 event inside the unit of work that appends the {@code event.erased}
     * naming it: its data and salt go, the commitment its hash covers stays, so the chain still verifies.
     */
    public void eraseContent(UUID roomId, long seq) {
        LoggedEvent e = LoggedEvent.findById(new LoggedEvent.Key(roomId, seq));
        if (e == null || e.contentDigest == null) {
            throw new IllegalStateException("room " + roomId + " has no version-2 event " + seq + " to erase");
        }
        e.data = "null";
        e.contentSalt = null;
    }

    /** The event at {@code seq}, decoded; null when the room has none there. */
    public RecordedEvent at(UUID roomId, long seq) {
        LoggedEvent row = LoggedEvent.findById(new LoggedEvent.Key(roomId, seq));
        return row == null ? null : types.decode(row);
    }

    /** Events with {@code seq > after}, oldest first, at most {@code limit}, decoded. */
    public List<RecordedEvent> page(UUID roomId, long after, int limit) {
        return types.decode(LoggedEvent.page(roomId, after, limit));
    }

    /** Every event of a room, oldest first, decoded, a page at a time (for exports, reports and retrospectives). */
    public List<RecordedEvent> all(UUID roomId) {
        List<RecordedEvent> all = new ArrayList<>();
        List<RecordedEvent> page;
        long after = 0;
        do {
            page = page(roomId, after, VERIFY_PAGE);
            all.addAll(page);
            if (!page.isEmpty()) {
                after = page.get(page.size() - 1).seq();
            }
        } while (page.size() == VERIFY_PAGE);
        return all;
    }

    /**
     * The latest {@code limit} events of one kind that a viewer may see, newest first: read back in
     * pages until enough are found, so events the viewer may not see never push visible ones out.
     */
    public <P extends EventPayload> List<RecordedEvent> latestVisible(UUID roomId, Class<P> type, int limit, Viewer viewer) {
        String kind = types.kindOf(type);
        List<RecordedEvent> result = new ArrayList<>(limit);
        long before = Long.MAX_VALUE;
        List<LoggedEvent> page;
        do {
            page = LoggedEvent.latestOfKindBefore(roomId, kind, before, limit);
            for (RecordedEvent e : types.decode(page)) {
                if (e.visibleTo(viewer) && result.size() < limit) {
                    result.add(e);
                }
            }
            if (!page.isEmpty()) {
                before = page.get(page.size() - 1).seq;
            }
        } while (page.size() == limit && result.size() < limit);
        return result;
    }

    /** Every event of one kind in a room, oldest first, decoded. */
    public <P extends EventPayload> List<RecordedEvent> allOf(UUID roomId, Class<P> type) {
        String kind = types.kindOf(type);
        List<RecordedEvent> all = new ArrayList<>();
        List<LoggedEvent> page;
        long after = 0;
        do {
            page = LoggedEvent.pageOfKind(roomId, kind, after, VERIFY_PAGE);
            all.addAll(types.decode(page));
            if (!page.isEmpty()) {
                after = page.get(page.size() - 1).seq;
            }
        } while (page.size() == VERIFY_PAGE);
        return all;
    }

    /** The events after {@code since} that a viewer may see, scanning at most {@code limit} log rows. */
    public EventPage read(UUID roomId, long since, int limit, Viewer viewer) {
        List<RecordedEvent> rows = page(roomId, since, limit);
        List<EventView> visible = new ArrayList<>(rows.size());
        for (RecordedEvent e : rows) {
            if (e.visibleTo(viewer)) {
                visible.add(e.view());
            }
        }
        long next = rows.isEmpty() ? since : rows.get(rows.size() - 1).seq();
        return new EventPage(roomId, since, next, rows.size() == limit, visible);
    }
}
