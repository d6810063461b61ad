package io.sitroom.retro;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.sitroom.comms.CommsFeature;
import io.sitroom.evidence.Checkpoints;
import io.sitroom.membership.RoleEvent;
import io.sitroom.metrics.MetricsService;
import io.sitroom.metrics.RoomMetrics;
import io.sitroom.role.Role;
import io.sitroom.room.EventLog;
import io.sitroom.room.EventPayload;
import io.sitroom.room.EventView;
import io.sitroom.room.HashChain;
import io.sitroom.room.Member;
import io.sitroom.room.RecordedEvent;
import io.sitroom.room.Room;
import io.sitroom.room.RoomEvent;
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

    public ExportService(RoomService rooms, CommsFeature comms, MetricsService metrics, Clock clock, io.sitroom.audit.AuditLog audit,
            EventLog log, Checkpoints checkpoints) {
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
        List<RoomExport.RoleChange> roleHistory = new ArrayList<>();
        List<RecordedEvent> visible = new ArrayList<>();
        long after = 0;
        List<RecordedEvent> page;
        do {
            page = log.page(roomId, after, PAGE);
            for (RecordedEvent e : page) {
                after = e.seq();
                if (e.visibleTo(viewer)) {
                    EventView view = e.view();
                    visible.add(e);
                    links.add(new RoomExport.ChainLink(e.seq(), view.at(), e.kind(), view.actor(), e.commandId(), view.data(), view.visibleTo(),
                            e.prevHash(), e.hash(), null, e.payload().brief()));
                    roleChange(e, view).ifPresent(roleHistory::add);
                } else {
                    links.add(new RoomExport.ChainLink(e.seq(), null, null, null, null, null, null, e.prevHash(), e.hash(), true, null));
                }
            }
        } while (page.size() == PAGE);
        RoomExport.Chain chain = new RoomExport.Chain("sha256(prevHash + canonicalJson(event)), see docs/protocol.md", Room.GENESIS_HASH,
                room.headSeq, room.headHash, rooms.verify(roomId, userId), links, checkpoints.of(roomId), checkpoints.published(),
                checkpoints.countersignaturesOf(roomId), checkpoints.witnessKeysOf(roomId));
        RoomMetrics roomMetrics = metrics.forMember(roomId, userId);
        audit.record(me.userId(), me.displayName(), "room.export", "room " + roomId, "events " + links.size());
        return new RoomExport(RoomExport.FORMAT, HashChain.formatTime(clock.instant()), new RoomExport.Person(me.userId(), me.displayName()),
                snapshot, roomMetrics, roleHistory, comms.updatesFor(roomId, userId), LessonsLearned.from(visible, snapshot), chain);
    }

    private static java.util.Optional<RoomExport.RoleChange> roleChange(RecordedEvent e, EventView view) {
        RoomExport.Person by = e.actor() == null ? null : new RoomExport.Person(e.actor().userId(), e.actor().displayName());
        EventPayload payload = e.payload();
        RoomExport.RoleChange change = null;
        if (payload instanceof RoomEvent.MemberAdded added) {
            change = new RoomExport.RoleChange(e.seq(), view.at(), e.kind(), null, names(added.roles()),
                    new RoomExport.Person(added.userId(), added.displayName()), null, null, by);
        } else if (payload instanceof RoleEvent.Assigned assigned) {
            change = new RoomExport.RoleChange(e.seq(), view.at(), e.kind(), assigned.role().wire(), null,
                    new RoomExport.Person(assigned.userId(), assigned.displayName()), null, null, by);
        } else if (payload instanceof RoleEvent.Released released) {
            change = new RoomExport.RoleChange(e.seq(), view.at(), e.kind(), released.role().wire(), null,
                    new RoomExport.Person(released.userId(), released.displayName()), null, null, by);
        } else if (payload instanceof RoleEvent.HandedOver handedOver) {
            change = new RoomExport.RoleChange(e.seq(), view.at(), e.kind(), handedOver.role().wire(), null, null,
                    new RoomExport.Person(handedOver.fromUserId(), handedOver.fromDisplayName()),
                    new RoomExport.Person(handedOver.toUserId(), handedOver.toDisplayName()), by);
        }
        return java.util.Optional.ofNullable(change);
    }

    private static List<String> names(java.util.Set<Role> roles) {
        return roles.stream().map(Role::wire).sorted().toList();
    }
}
