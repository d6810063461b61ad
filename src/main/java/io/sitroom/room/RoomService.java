package io.sitroom.room;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.sitroom.db.StatementReads;
import io.sitroom.error.SitroomException;
import io.sitroom.role.Role;

/** Rooms: opening one, listing mine, and reading a room as a member sees it. */
@ApplicationScoped
public class RoomService {

    public static final int MAX_PAGE = 1000;
    public static final int DEFAULT_PAGE = 500;
    static final int SNAPSHOT_NOTES = 100;

    private final RoomWriter writer;
    private final EventLog log;
    private final CommandCatalog catalog;
    private final Clock clock;
    private final Instance<RoomFeature> features;
    private final SnapshotCache snapshots;
    private final ConsistentReads reads;
    private final StatementReads statements;
    private final Instance<RoomTypes> types;
    private final Taxonomy taxonomy;
    private final Instance<UpdateCadences> cadences;
    private final Instance<RoomScenarios> scenarios;

    public RoomService(RoomWriter writer, EventLog log, CommandCatalog catalog, Clock clock, Instance<RoomFeature> features,
            SnapshotCache snapshots, ConsistentReads reads, StatementReads statements, Instance<RoomTypes> types, Taxonomy taxonomy,
            Instance<UpdateCadences> cadences, Instance<RoomScenarios> scenarios) {
        this.statements = statements;
        this.taxonomy = taxonomy;
        this.cadences = cadences;
        this.scenarios = scenarios;
        this.types = types;
        this.snapshots = snapshots;
        this.reads = reads;
        this.writer = writer;
        this.log = log;
        this.catalog = catalog;
        this.clock = clock;
        this.features = features;
    }

    /** {@code type}: an incident type to apply as the room opens (GET /api/playbooks); its default severity when none is given. */
    public record NewRoom(RoomKind kind, String title, Severity severity, String scenarioId, String type) {
    }

    static SitroomException roomNotFound() {
        return SitroomException.notFound("no such room");
    }

    /** Opens a room; its creator becomes its first member and its lead (IC, or facilitator of an exercise). */
    public RoomSnapshot create(UUID creatorId, String creatorName, NewRoom request) {
        UUID roomId = open(creatorId, creatorName, request, List.of(), id -> {
        }).roomId();
        return snapshot(roomId, creatorId);
    }

    /**
     * Opens a room in its first unit of work and, in the same transaction, appends {@code thenAppend}
     * (by the server) and runs {@code alsoRecord} with the new room's id: all of it happens, or none of
     * it. Returns the new room's id and every event appended.
     */
    public Opened open(UUID creatorId, String creatorName, NewRoom request, List<NewEvent> thenAppend,
            java.util.function.Consumer<UUID> alsoRecord) {
        Fields.required(request.kind(), "kind");
        String title = Fields.text(request.title(), "title", 200);
        if (request.kind() == RoomKind.EXERCISE && (request.scenarioId() == null || request.scenarioId().isBlank())) {
            throw SitroomException.invalid("an exercise needs a scenarioId (see GET /api/scenarios)");
        }
        if (request.kind() == RoomKind.INCIDENT && request.scenarioId() != null) {
            throw SitroomException.invalid("an incident plays no scenario; leave out scenarioId");
        }
        String type = request.type() == null || request.type().isBlank() ? null : request.type().strip();
        Severity severity = request.severity() != null ? taxonomy.choose(request.severity())
                : type == null ? taxonomy.defaultSeverity() : defaultSeverity(type);
        RoomEvent.ScenarioBinding scenario = request.kind() == RoomKind.EXERCISE ? scenario(request.scenarioId()) : null;
        UUID roomId = UUID.randomUUID();
        List<RecordedEvent> events = writer.run(roomId, locked -> {
            Room room = new Room();
            room.id = roomId;
            room.kind = request.kind();
            room.title = title;
            room.severity = severity;
            room.phase = taxonomy.openingPhase();
            room.createdBy = creatorId;
            room.createdAt = clock.instant();
            room.headSeq = 0;
            room.headHash = Room.GENESIS_HASH;
            room.persist();
            locked.opened(room);
            Set<Role> lead = EnumSet.of(room.kind.leadRole());
            Member creator = new Member(creatorId, creatorName, Set.of());
            List<RecordedEvent> appended = new ArrayList<>(locked.append(creator, null, List.of(
                    NewEvent.forEveryone(new RoomEvent.RoomCreated(room.kind, room.title, room.severity, room.phase, creatorId,
                            request.scenarioId(), type, cadenceSeconds(severity), scenario)),
                    NewEvent.forEveryone(new RoomEvent.MemberAdded(creatorId, creatorName, lead, Map.of(creatorId, lead), null)))));
            // The room opened when its room.created was recorded: the snapshot's createdAt is that event's time, to the
            // millisecond (the export's verifier derives it from the event; the clock read above may be a millisecond earlier).
            room.createdAt = appended.get(0).at();
            if (!thenAppend.isEmpty()) {
                appended.addAll(locked.append(null, null, thenAppend));
            }
            alsoRecord.accept(roomId);
            return appended;
        });
        return new Opened(roomId, events);
    }

    /** What an exercise records of the scenario it will play; refuses one no {@link RoomScenarios} knows, before anything is written. */
    private RoomEvent.ScenarioBinding scenario(String scenarioId) {
        return scenarios.stream().map(s -> s.binding(scenarioId)).flatMap(Optional::stream).findFirst()
                .orElseThrow(() -> SitroomException.notFound("no scenario '" + scenarioId + "'"));
    }

    /** The deployment's update cadence at an opening severity, in seconds; 0 when no update is owed. */
    private long cadenceSeconds(Severity severity) {
        return cadences.stream().map(c -> c.deploymentCadence(severity)).flatMap(Optional::stream).findFirst()
                .map(Duration::toSeconds).orElse(0L);
    }

    /** The default severity of an incident type; refuses a type no {@link RoomTypes} knows, before anything is written. */
    private Severity defaultSeverity(String type) {
        for (RoomTypes known : types) {
            Optional<Severity> severity = known.defaultSeverity(type);
            if (severity.isPresent()) {
                return severity.get();
            }
        }
        throw SitroomException.notFound("no incident type '" + type + "' (see GET /api/playbooks)");
    }

    /** A room just opened, and what its opening appended. */
    public record Opened(UUID roomId, List<RecordedEvent> events) {
    }

    @Transactional
    public List<RoomSummary> listFor(UUID userId) {
        List<RoomSummary> result = new ArrayList<>();
        for (RoomMember membership : RoomMember.<RoomMember> list("userId", Sort.descending("joinedAt"), userId)) {
            Room room = Room.findById(membership.roomId);
            result.add(new RoomSummary(room.id, room.kind, room.title, room.severity, room.phase,
                    HashChain.formatTime(room.createdAt), room.headSeq, names(membership.roles)));
        }
        return result;
    }

    /** The member's view of a room, or {@code not_found} for anyone else (a room's existence is not disclosed). */
    @Transactional
    public Member requireMember(UUID roomId, UUID userId) {
        RoomMember member = RoomMember.find(roomId, userId);
        if (member == null) {
            throw roomNotFound();
        }
        return member.toMember();
    }

    /** One statement, without a transaction of its own (see {@link StatementReads}): every socket's upgrade asks it. */
    public boolean isMember(UUID roomId, UUID userId) {
        return statements.read(session -> session.createNamedSelectionQuery(RoomMember.EXISTS, Integer.class)
                .setParameter("room", roomId).setParameter("user", userId).uniqueResultOptional()).isPresent();
    }

    /**
     * The room as a member sees it now: exactly the room at its {@code seq}, so that the events after it are
     * exactly what it does not reflect yet. Members who see the same (same roles, and no restricted event of their
     * own to see) share one snapshot per head (see {@link SnapshotCache}): one already built is found by reading
     * the room's head with the member in one statement, without a transaction (see {@link StatementReads}): the
     * member as of that head, in one view of the database (a change of roles after it arrives as an event, and the
     * connection is welcomed again). Otherwise it is built in one consistent view
     * of the database (see {@link ConsistentReads}), a transaction of its own, chosen before its first statement.
     */
    public RoomSnapshot snapshot(UUID roomId, UUID userId) {
        Object[] headAndMember = statements.read(session -> session.createNamedSelectionQuery(RoomMember.WITH_HEAD, Object[].class)
                .setParameter("room", roomId).setParameter("user", userId).uniqueResultOptional())
                .orElseThrow(RoomService::roomNotFound);
        RoomSnapshot shared = snapshots.shared(roomId, (Long) headAndMember[0], (RoomKind) headAndMember[1],
                ((RoomMember) headAndMember[2]).toMember(), clock.instant());
        if (shared != null) {
            return shared;
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            reads.begin();
            Member me = requireMember(roomId, userId);
            Room room = Room.findById(roomId);
            return snapshots.of(room, me, clock.instant(), () -> build(room, me));
        });
    }

    private RoomSnapshot build(Room room, Member me) {
        UUID roomId = room.id;
        Viewer viewer = Viewer.of(me, room.kind);
        List<RoomSnapshot.MemberView> members = RoomMember.ofRoom(roomId).stream()
                // In the order they joined: by the seq of their member.added (see RoomMember.joinedSeq).
                .sorted(Comparator.comparing((RoomMember m) -> m.joinedSeq, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(m -> m.joinedAt))
                .map(m -> new RoomSnapshot.MemberView(m.userId, m.displayName, names(m.roles)))
                .toList();
        Map<String, Object> sections = new LinkedHashMap<>();
        for (RoomFeature feature : features) {
            feature.addToSnapshot(roomId, viewer, sections);
        }
        return new RoomSnapshot(room.id, room.kind, room.title, room.severity, room.phase,
                HashChain.formatTime(room.createdAt), room.createdBy, room.headSeq, room.headHash, members,
                catalog.can(room.kind, room.phase, me.roles()), catalog.privileged(room.kind, room.phase, me.roles()),
                notes(roomId, viewer), sections);
    }

    /** The newest {@value #SNAPSHOT_NOTES} notes this viewer may see, oldest first. */
    private List<RoomSnapshot.NoteView> notes(UUID roomId, Viewer viewer) {
        List<RoomSnapshot.NoteView> notes = new ArrayList<>();
        for (RecordedEvent e : log.latestVisible(roomId, RoomEvent.NoteAdded.class, SNAPSHOT_NOTES, viewer)) {
            EventView view = e.view();
            if (e.payload() instanceof RoomEvent.NoteAdded note) {
                notes.add(0, new RoomSnapshot.NoteView(e.seq(), view.at(), view.actor(), note.text(), view.visibleTo(), null));
            } else if (e.payload() instanceof ErasedEvent erased && erased.was(RoomEvent.NoteAdded.class)) {
                notes.add(0, new RoomSnapshot.NoteView(e.seq(), view.at(), view.actor(), null, view.visibleTo(), true));
            }
        }
        return notes;
    }

    @Transactional
    public EventPage events(UUID roomId, UUID userId, long since, Integer limit) {
        Member me = requireMember(roomId, userId);
        if (since < 0) {
            throw SitroomException.invalid("since must be 0 or more");
        }
        int pageSize = limit == null ? DEFAULT_PAGE : limit;
        if (pageSize < 1 || pageSize > MAX_PAGE) {
            throw SitroomException.invalid("limit must be between 1 and " + MAX_PAGE);
        }
        return log.read(roomId, since, pageSize, Viewer.of(me, Room.<Room> findById(roomId).kind));
    }

    @Transactional
    public ChainReport verify(UUID roomId, UUID userId) {
        requireMember(roomId, userId);
        return log.verify(Room.findById(roomId));
    }

    private static List<String> names(Set<Role> roles) {
        return roles.stream().map(Role::wire).sorted().toList();
    }
}
