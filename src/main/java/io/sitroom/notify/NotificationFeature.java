package io.sitroom.notify;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.sitroom.action.ActionEvent;
import io.sitroom.action.ActionItem;
import io.sitroom.comms.CommsEvent;
import io.sitroom.membership.RoleEvent;
import io.sitroom.role.Role;
import io.sitroom.role.Roles;
import io.sitroom.room.EventLog;
import io.sitroom.room.Member;
import io.sitroom.room.NewEvent;
import io.sitroom.room.RecordedEvent;
import io.sitroom.room.Room;
import io.sitroom.room.RoomFeature;
import io.sitroom.room.RoomEvent;
import io.sitroom.room.RoomKind;
import io.sitroom.room.RoomMember;
import io.sitroom.room.RoomState;
import io.sitroom.room.RoomTimer;
import io.sitroom.room.Viewer;

/**
 * Member notifications, derived from typed events (and one timer of its own, an action's "due soon") in the unit of
 * work that appended them: one {@link Notification} row per person to tell, written only for members who may see
 * the event (room.Viewer), its line holding only what they may see (an acknowledgement asked of an executive
 * about a note for legal names the note's number, never its text). Incidents only: an exercise's requests are play.
 * {@link NotificationMailer} mails them.
 */
@ApplicationScoped
public class NotificationFeature implements RoomFeature {

    static final String DUE_SOON_TIMER = "notify.action_due_soon";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final int MAX_QUOTE = 200;

    private final EventLog log;
    private final NotificationConfig config;
    public NotificationFeature(EventLog log, NotificationConfig config) {
        this.log = log;
        this.config = config;
    }

    @Override
    public void project(Room room, RecordedEvent event) {
        if (room.kind != RoomKind.INCIDENT) {
            return;
        }
        Object payload = event.payload();
        if (payload instanceof CommsEvent.AckRequested requested) {
            for (Member member : members(room.id)) {
                Set<Role> asked = common(member.roles(), requested.roles());
                if (!asked.isEmpty() && maySee(room, member, event)) {
                    add(room, event, member.userId(), NotificationKind.ACK_REQUESTED, "Your acknowledgement is requested (as "
                            + Roles.names(asked) + ") by " + time(requested.dueAt()) + ": " + about(room, requested.about(), member));
                }
            }
        } else if (payload instanceof CommsEvent.AckOverdue overdue) {
            for (Member member : members(room.id)) {
                Set<Role> pending = common(member.roles(), overdue.pending());
                if (!pending.isEmpty() && maySee(room, member, event)) {
                    add(room, event, member.userId(), NotificationKind.ACK_OVERDUE, "An acknowledgement asked of you (as "
                            + Roles.names(pending) + ") was due " + time(overdue.dueAt()) + ": " + about(room, overdue.about(), member));
                }
            }
        } else if (payload instanceof RoomEvent.MemberAdded added && added.invite() == null && !added.roles().isEmpty()) {
            notifyOne(room, event, added.userId(), NotificationKind.ROLE_ASSIGNED, "You were added to the room as "
                    + Roles.names(added.roles()) + (event.actor() == null ? "" : " by " + event.actor().displayName()));
        } else if (payload instanceof RoleEvent.Assigned assigned) {
            notifyOne(room, event, assigned.userId(), NotificationKind.ROLE_ASSIGNED, "You were given the role " + assigned.role().wire()
                    + (event.actor() == null ? "" : " by " + event.actor().displayName()));
        } else if (payload instanceof RoleEvent.HandedOver handedOver) {
            notifyOne(room, event, handedOver.toUserId(), NotificationKind.ROLE_ASSIGNED, "The role " + handedOver.role().wire()
                    + " was handed over to you by " + handedOver.fromDisplayName());
        } else if (payload instanceof ActionEvent.Created created) {
            for (Member owner : owners(room.id, created.ownerId(), created.ownerRole())) {
                if (!owner.userId().equals(event.actorId()) && maySee(room, owner, event)) {
                    add(room, event, owner.userId(), NotificationKind.ACTION_ASSIGNED, "Action assigned to you: " + quote(created.title())
                            + (created.dueAt() == null ? "" : ", due " + time(created.dueAt())));
                }
            }
            if (created.dueAt() != null) {
                Instant soon = created.dueAt().minus(config.dueSoon());
                if (soon.isAfter(event.at())) {
                    RoomTimer.schedule(room.id, DUE_SOON_TIMER, created.actionId().toString(), soon);
                }
            }
        } else if (payload instanceof ActionEvent.Updated updated && updated.to().closed()) {
            RoomTimer.cancel(room.id, DUE_SOON_TIMER, updated.actionId().toString());
        } else if (payload instanceof ActionEvent.Overdue overdue) {
            for (Member owner : owners(room.id, overdue.ownerId(), overdue.ownerRole())) {
                if (maySee(room, owner, event)) {
                    add(room, event, owner.userId(), NotificationKind.ACTION_OVERDUE, "Action overdue (it was due " + time(overdue.dueAt())
                            + "): " + quote(overdue.title()));
                }
            }
        } else if (payload instanceof CommsEvent.UpdateOverdue overdue) {
            for (Member member : members(room.id)) {
                if (member.roles().contains(room.kind.leadRole()) && maySee(room, member, event)) {
                    add(room, event, member.userId(), NotificationKind.UPDATE_OVERDUE, "A status update was due " + time(overdue.dueAt())
                            + (overdue.lastUpdateAt() == null ? " (none posted yet)" : " (the last was posted " + time(overdue.lastUpdateAt()) + ")"));
                }
            }
        }
    }

    /** An action's "due soon": told to its owners if it is still open; appends nothing to the room. */
    @Override
    public List<NewEvent> onTimer(RoomTimer timer, RoomState state, Instant now) {
        if (!DUE_SOON_TIMER.equals(timer.kind)) {
            return List.of();
        }
        ActionItem item = ActionItem.inRoom(state.id(), UUID.fromString(timer.subject));
        if (item == null || item.status.closed() || item.overdue || item.dueAt == null) {
            return List.of();
        }
        for (Member owner : owners(state.id(), item.ownerId, item.ownerRole)) {
            // Actions are for everyone in the room: any member may read one.
            save(state.id(), state.headSeq(), owner.userId(), NotificationKind.ACTION_DUE_SOON,
                    "Action due " + time(item.dueAt) + ": " + quote(item.title), now);
        }
        return List.of();
    }

    private void notifyOne(Room room, RecordedEvent event, UUID userId, NotificationKind kind, String line) {
        if (userId == null || userId.equals(event.actorId())) {
            return; // nobody is mailed what they did themselves
        }
        RoomMember member = RoomMember.find(room.id, userId);
        if (member != null && maySee(room, member.toMember(), event)) {
            add(room, event, userId, kind, line);
        }
    }

    private static boolean maySee(Room room, Member member, RecordedEvent event) {
        return event.visibleTo(Viewer.of(member, room.kind));
    }

    /** The event asked about, as this member may see it: its kind and gist, or only its number. */
    private String about(Room room, long seq, Member member) {
        List<RecordedEvent> page = log.page(room.id, seq - 1, 1);
        if (page.isEmpty() || page.get(0).seq() != seq || !page.get(0).visibleTo(Viewer.of(member, room.kind))) {
            return "event #" + seq;
        }
        RecordedEvent about = page.get(0);
        String brief = about.payload().brief();
        return "event #" + seq + " (" + about.kind() + (brief == null || brief.isBlank() ? "" : ": " + quote(brief)) + ")";
    }

    private void add(Room room, RecordedEvent event, UUID userId, NotificationKind kind, String line) {
        save(room.id, event.seq(), userId, kind, line, event.at());
    }

    private static void save(UUID roomId, long seq, UUID userId, NotificationKind kind, String line, Instant at) {
        Notification notification = new Notification();
        notification.id = UUID.randomUUID();
        notification.userId = userId;
        notification.roomId = roomId;
        notification.seq = seq;
        notification.kind = kind.wire();
        notification.line = line.length() > 1000 ? line.substring(0, 999) + "…" : line;
        notification.createdAt = at;
        notification.status = Notification.PENDING;
        notification.persist();
    }

    private static List<Member> members(UUID roomId) {
        return RoomMember.ofRoom(roomId).stream().map(RoomMember::toMember).toList();
    }

    /** Who owns an action: the person it names, else every member holding its role. */
    private static List<Member> owners(UUID roomId, UUID ownerId, Role ownerRole) {
        if (ownerId != null) {
            RoomMember owner = RoomMember.find(roomId, ownerId);
            return owner == null ? List.of() : List.of(owner.toMember());
        }
        if (ownerRole == null) {
            return List.of();
        }
        List<Member> result = new ArrayList<>();
        for (Member member : members(roomId)) {
            if (member.roles().contains(ownerRole)) {
                result.add(member);
            }
        }
        return result;
    }

    private static Set<Role> common(Collection<Role> held, Collection<Role> asked) {
        Set<Role> result = EnumSet.noneOf(Role.class);
        for (Role role : held) {
            if (asked.contains(role)) {
                result.add(role);
            }
        }
        return result;
    }

    static String time(Instant at) {
        return at == null ? "(no time)" : TIME.format(at);
    }

    private static String quote(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return "“" + (line.length() > MAX_QUOTE ? line.substring(0, MAX_QUOTE - 1) + "…" : line) + "”";
    }
}
