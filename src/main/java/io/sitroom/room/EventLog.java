package io.sitroom.room;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.sitroom.json.CanonicalJson;

/** Appends hash-chained events to a room's log, and reads and verifies it. */
@ApplicationScoped
public class EventLog {

    public static final int VERIFY_PAGE = 1000;

    private final ObjectMapper mapper;

    public EventLog(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Appends events to a room whose row the caller has locked (see {@link Room#lockForAppend}),
     * advancing its head. {@code actor} is null for events the server appends by itself.
     */
    public List<LoggedEvent> append(Room room, Member actor, String commandId, List<NewEvent> events, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        List<LoggedEvent> appended = new ArrayList<>(events.size());
        for (NewEvent event : events) {
            LoggedEvent e = new LoggedEvent();
            e.roomId = room.id;
            e.seq = room.headSeq + 1;
            e.at = at;
            e.kind = event.payload().kind();
            if (actor != null) {
                e.actorId = actor.userId();
                e.actorName = actor.displayName();
                e.actorRoles = RoleSetConverter.join(actor.roles());
            }
            e.commandId = commandId;
            e.data = CanonicalJson.write(mapper.valueToTree(event.payload()));
            e.visibleTo = event.visibleTo() == null ? null : RoleSetConverter.join(event.visibleTo());
            e.prevHash = room.headHash;
            e.hash = HashChain.hash(e);
            e.persist();
            room.headSeq = e.seq;
            room.headHash = e.hash;
            appended.add(e);
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
                expectedPrev = e.hash;
                expectedSeq = e.seq + 1;
                after = e.seq;
            }
        } while (page.size() == VERIFY_PAGE);
        if (firstBad == null && (room.headSeq != count || !room.headHash.equals(expectedPrev))) {
            firstBad = Math.min(room.headSeq, count) + 1;
        }
        return new ChainReport(firstBad == null, count, room.headHash, firstBad);
    }

    /** The events after {@code since} that a viewer may see, scanning at most {@code limit} log rows. */
    public EventPage read(UUID roomId, long since, int limit, Viewer viewer) {
        List<LoggedEvent> rows = LoggedEvent.page(roomId, since, limit);
        List<EventView> visible = new ArrayList<>(rows.size());
        for (LoggedEvent e : rows) {
            if (e.visibleTo(viewer)) {
                visible.add(EventView.of(e));
            }
        }
        long next = rows.isEmpty() ? since : rows.get(rows.size() - 1).seq;
        return new EventPage(roomId, since, next, rows.size() == limit, visible);
    }
}
