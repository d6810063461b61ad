package io.sitroom.retro;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import io.sitroom.comms.CommsFeature;
import io.sitroom.metrics.MetricsService;
import io.sitroom.room.EventView;
import io.sitroom.room.HashChain;
import io.sitroom.room.LoggedEvent;
import io.sitroom.room.Member;
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

    public ExportService(RoomService rooms, CommsFeature comms, MetricsService metrics, Clock clock, io.sitroom.audit.AuditLog audit) {
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
        List<EventView> visible = new ArrayList<>();
        long after = 0;
        List<LoggedEvent> page;
        do {
            page = LoggedEvent.page(roomId, after, PAGE);
            for (LoggedEvent e : page) {
                after = e.seq;
                if (e.visibleTo(viewer)) {
                    EventView view = EventView.of(e);
                    visible.add(view);
                    links.add(new RoomExport.ChainLink(e.seq, view.at(), e.kind, view.actor(), e.commandId, view.data(), view.visibleTo(),
                            e.prevHash, e.hash, null));
                    roleChange(view).ifPresent(roleHistory::add);
                } else {
                    links.add(new RoomExport.ChainLink(e.seq, null, null, null, null, null, null, e.prevHash, e.hash, true));
                }
            }
        } while (page.size() == PAGE);
        RoomExport.Chain chain = new RoomExport.Chain("sha256(prevHash + canonicalJson(event)), see docs/protocol.md", Room.GENESIS_HASH,
                room.headSeq, room.headHash, rooms.verify(roomId, userId), links);
        Map<String, Object> roomMetrics = metrics.forRoom(roomId);
        audit.record(me.userId(), me.displayName(), "room.export", "room " + roomId, "events " + links.size());
        return new RoomExport(RoomExport.FORMAT, HashChain.formatTime(clock.instant()), new RoomExport.Person(me.userId(), me.displayName()),
                snapshot, roomMetrics, roleHistory, comms.updatesFor(roomId, userId), LessonsLearned.from(visible, snapshot), chain);
    }

    private static java.util.Optional<RoomExport.RoleChange> roleChange(EventView e) {
        JsonNode d = e.data();
        RoomExport.Person by = e.actor() == null ? null : new RoomExport.Person(e.actor().userId(), e.actor().displayName());
        return switch (e.kind()) {
            case "member.added" -> java.util.Optional.of(new RoomExport.RoleChange(e.seq(), e.at(), e.kind(), null, strings(d.path("roles")),
                    person(d, "userId", "displayName"), null, null, by));
            case "role.assigned", "role.released" -> java.util.Optional.of(new RoomExport.RoleChange(e.seq(), e.at(), e.kind(),
                    d.path("role").asText(), null, person(d, "userId", "displayName"), null, null, by));
            case "role.handed_over" -> java.util.Optional.of(new RoomExport.RoleChange(e.seq(), e.at(), e.kind(), d.path("role").asText(),
                    null, null, person(d, "fromUserId", "fromDisplayName"), person(d, "toUserId", "toDisplayName"), by));
            default -> java.util.Optional.empty();
        };
    }

    private static RoomExport.Person person(JsonNode d, String id, String name) {
        return new RoomExport.Person(UUID.fromString(d.path(id).asText()), d.path(name).asText());
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asText()));
        return values;
    }
}
