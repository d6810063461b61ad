package io.sitroom.retro;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.sitroom.comms.CommsFeature;
import io.sitroom.evidence.Checkpoints;
import io.sitroom.json.CanonicalJson;
import io.sitroom.exercise.ExerciseFeature;
import io.sitroom.metrics.MetricsService;
import io.sitroom.metrics.RoomMetrics;
import io.sitroom.proof.Fact;
import io.sitroom.proof.LessonsLearned;
import io.sitroom.proof.ReadableSections;
import io.sitroom.room.EventLog;
import io.sitroom.room.EventView;
import io.sitroom.room.HashChain;
import io.sitroom.room.Member;
import io.sitroom.room.RecordedEvent;
import io.sitroom.room.Room;
import io.sitroom.room.RoomService;
import io.sitroom.room.RoomSnapshot;
import io.sitroom.room.Viewer;

/** Builds a room's retrospective export, filtered by what the caller may see. */
@ApplicationScoped
public class ExportService {

    private static final int PAGE = 1000;

    private final RoomService rooms;
    private final CommsFeature comms;
    private final MetricsService metrics;
    private final Clock clock;

    private final io.sitroom.audit.AuditLog audit;
    private final EventLog log;
    private final Checkpoints checkpoints;
    private final ExerciseFeature exercises;

    public ExportService(RoomService rooms, CommsFeature comms, MetricsService metrics, Clock clock, io.sitroom.audit.AuditLog audit,
            EventLog log, Checkpoints checkpoints, ExerciseFeature exercises) {
        this.exercises = exercises;
        this.log = log;
        this.checkpoints = checkpoints;
        this.audit = audit;
        this.rooms = rooms;
        this.comms = comms;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Transactional
    public RoomExport export(UUID roomId, UUID userId) {
        Member me = rooms.requireMember(roomId, userId);
        Room room = Room.findById(roomId);
        Viewer viewer = Viewer.of(me, room.kind);
        RoomSnapshot snapshot = rooms.snapshot(roomId, userId);
        List<RoomExport.ChainLink> links = new ArrayList<>();
        List<Fact> facts = new ArrayList<>();
        long after = 0;
        List<RecordedEvent> page;
        do {
            page = log.page(roomId, after, PAGE);
            for (RecordedEvent e : page) {
                after = e.seq();
                if (e.visibleTo(viewer)) {
                    EventView view = e.view();
                    RecordedEvent.Commitment commitment = e.commitment();
                    links.add(new RoomExport.ChainLink(e.seq(), view.at(), e.kind(), view.actor(), e.commandId(), view.data(), view.visibleTo(),
                            commitment == null ? null : commitment.salt(), e.erased() ? commitment.digest() : null, e.erased() ? true : null,
                            e.prevHash(), e.hash(), null, e.payload().brief()));
                    facts.add(fact(e, view));
                } else {
                    links.add(new RoomExport.ChainLink(e.seq(), null, null, null, null, null, null, null, null, null, e.prevHash(), e.hash(), true,
                            null));
                }
            }
        } while (page.size() == PAGE);
        RoomExport.Chain chain = new RoomExport.Chain(room.chainVersion, room.chainVersion == 1
                ? "sha256(prevHash + canonicalJson(event)), see docs/protocol.md"
                : "sha256(prevHash + canonicalJson(event with content = sha256(salt + canonicalJson(data)))), see docs/protocol.md",
                Room.GENESIS_HASH,
                room.headSeq, room.headHash, rooms.verify(roomId, userId), links, checkpoints.of(roomId), checkpoints.published(),
                checkpoints.countersignaturesOf(roomId), checkpoints.witnessKeysOf(roomId));
        // The metrics that depend on the moment (open exceptions) are as of the time the export states, to the millisecond.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        RoomMetrics roomMetrics = metrics.forMember(roomId, userId, now);
        audit.record(me.userId(), me.displayName(), "room.export", "room " + roomId, "events " + links.size());
        return new RoomExport(RoomExport.FORMAT, HashChain.formatTime(now), new RoomExport.Person(me.userId(), me.displayName()),
                snapshot, roomMetrics, ReadableSections.roleHistory(facts), comms.updatesFor(roomId, userId), LessonsLearned.from(facts),
                exercises.scenarioFor(roomId, viewer).orElse(null), chain);
    }

    /** The event as the readable sections are derived from it: the same projections the offline verifier runs. */
    private static Fact fact(RecordedEvent e, EventView view) {
        return new Fact(e.seq(), e.at(), e.actor() == null ? null : new Fact.Actor(e.actor().userId(), e.actor().displayName(),
                view.actor().roles()), e.payload(), view.visibleTo(), view.data() == null ? null : CanonicalJson.plain(view.data()));
    }
}
