package io.sitroom.room;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.sitroom.error.SitroomException;

/**
 * A room inside its unit of work: locked for appending (or being opened), with its state as it
 * stands in this transaction. Work appends through it; it projects and lets features react, and
 * remembers what was appended for the announcement after the commit.
 */
public final class LockedRoom {

    private final UUID id;
    private final Appender appender;
    private final Collection<String> batchCommandIds;
    private final boolean lookUpEarlier;
    private Room room;
    private Map<UUID, Member> members;
    private Map<String, CommandResult> earlier;
    private final List<AcceptedCommand> accepted = new ArrayList<>();
    private final List<RecordedEvent> appended = new ArrayList<>();

    /**
     * {@code lookUpEarlier}: whether the batch's command ids are looked up before its work runs; without it only a
     * repeat inside the batch is found, and {@link #recordAccepted} tells whether one repeated an earlier batch.
     */
    LockedRoom(UUID id, Room room, Map<UUID, Member> knownMembers, Appender appender, Collection<String> batchCommandIds,
            boolean lookUpEarlier) {
        this.id = id;
        this.room = room;
        this.members = knownMembers;
        this.appender = appender;
        this.batchCommandIds = batchCommandIds;
        this.lookUpEarlier = lookUpEarlier;
    }

    public UUID id() {
        return id;
    }

    public boolean exists() {
        return room != null;
    }

    /** The room row; refuses with {@code not_found} if there is no such room. */
    public Room entity() {
        if (room == null) {
            throw RoomService.roomNotFound();
        }
        return room;
    }

    /** Starts a new room in this unit of work (its row is persisted by the caller). */
    void opened(Room created) {
        if (room != null) {
            throw new IllegalStateException("room " + id + " exists already");
        }
        room = created;
        members = Map.of();
    }

    public Map<UUID, Member> members() {
        if (members == null) {
            members = RoomMember.ofRoom(entity().id).stream().collect(Collectors.toMap(m -> m.userId, RoomMember::toMember));
        }
        return members;
    }

    /** The room as deciders see it, now. */
    public RoomState state() {
        Room r = entity();
        return new RoomState(r.id, r.kind, r.title, r.severity, r.phase, r.headSeq, members());
    }

    /** Refuses with {@code conflict} what the room does not accept in its phase (see {@link Admission}). */
    public void admit(Admission.Source source) {
        Admission.require(entity().phase, source);
    }

    public boolean admits(Admission.Source source) {
        return Admission.admits(entity().phase, source);
    }

    /**
     * The result of an earlier command of this room with this id, if there was one: from earlier batches when they
     * are looked up (one query for the whole batch's ids), and always from this batch.
     */
    CommandResult earlierResult(String commandId) {
        return earlier().get(commandId);
    }

    private Map<String, CommandResult> earlier() {
        if (earlier == null) {
            earlier = lookUpEarlier ? new HashMap<>(AcceptedCommand.results(id, batchCommandIds)) : new HashMap<>();
        }
        return earlier;
    }

    /**
     * The result of an earlier batch's command with this id, looked up now if the batch's ids were not: for a command
     * whose decision was refused, which records nothing and so is never found by {@link #recordAccepted}.
     */
    CommandResult acceptedBefore(String commandId) {
        return lookUpEarlier ? earlierResult(commandId) : AcceptedCommand.results(id, List.of(commandId)).get(commandId);
    }

    /** A client's command was accepted with these events: its result, recorded with the batch (see {@link #recordAccepted}). */
    CommandResult accepted(String commandId, long firstSeq, long lastSeq) {
        AcceptedCommand row = new AcceptedCommand(id, commandId, firstSeq, lastSeq);
        earlier().put(commandId, row.result());
        accepted.add(row);
        return row.result();
    }

    /**
     * Records the commands this batch accepted, in one statement; false when one of their ids was recorded before
     * (possible only when earlier batches were not looked up): the batch must not commit.
     */
    boolean recordAccepted() {
        return accepted.isEmpty() || AcceptedCommand.recordNew(accepted) == accepted.size();
    }

    /**
     * Appends decided events (by {@code actor}, null for the server), projects them and lets the
     * features react until nothing more follows. Returns the decided events first, then the reactions.
     */
    public List<RecordedEvent> append(Member actor, String commandId, List<NewEvent> decided) {
        List<RecordedEvent> events = appender.append(this, actor, commandId, decided);
        appended.addAll(events);
        if (events.stream().anyMatch(e -> e.payload() instanceof ChangesRoles || e.payload() instanceof RoomEvent.MemberRemoved)) {
            members = null;
        }
        return events;
    }

    /** Everything appended in this unit of work so far, in seq order. */
    List<RecordedEvent> appended() {
        return appended;
    }

    /** The membership as it stands, if it was read (for the next unit of work while the head does not move). */
    Map<UUID, Member> membersIfKnown() {
        return members;
    }

    static SitroomException notFound() {
        return RoomService.roomNotFound();
    }
}
