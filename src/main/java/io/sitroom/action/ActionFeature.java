package io.sitroom.action;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.sitroom.decision.Decision;
import io.sitroom.error.SitroomException;
import io.sitroom.role.Role;
import io.sitroom.room.Authority;
import io.sitroom.room.CommandContext;
import io.sitroom.room.CommandType;
import io.sitroom.room.EventPayload;
import io.sitroom.room.NewEvent;
import io.sitroom.room.RecordedEvent;
import io.sitroom.room.Room;
import io.sitroom.room.RoomFeature;
import io.sitroom.room.RoomMember;
import io.sitroom.room.RoomService;
import io.sitroom.room.RoomState;
import io.sitroom.room.RoomTimer;
import io.sitroom.room.Viewer;

/** Action items in rooms, and "my actions" across rooms. */
@ApplicationScoped
public class ActionFeature implements RoomFeature {

    static final String DUE_TIMER = "action.due";

    /**
     * Highest risk first, then the earliest due, then the oldest. Actions created in the same
     * millisecond (one batch shares its time) go by their place in the log, so the order never depends
     * on how the database returns rows and a client can rank them the same way (the web client's
     * {@code compareActions} mirrors this).
     */
    static final Comparator<ActionItem> RANKING = Comparator
            .comparing((ActionItem a) -> a.riskScore == null ? 0 : a.riskScore, Comparator.reverseOrder())
            .thenComparing(a -> a.dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(a -> a.createdAt)
            .thenComparingLong(a -> a.createdSeq);

    private final RoomService rooms;

    public ActionFeature(RoomService rooms) {
        this.rooms = rooms;
    }

    public static final CommandType<ActionCommand.Create> CREATE = new CommandType<>("action.create", ActionCommand.Create.class,
            Authority.working(), ActionFeature::create);
    // Its owner (by name or role) updates an action, and so may the room's lead.
    public static final CommandType<ActionCommand.Update> UPDATE = new CommandType<>("action.update", ActionCommand.Update.class,
            Authority.of(Role.INCIDENT_COMMANDER, Role.FACILITATOR).orByContent(), ActionFeature::update);

    @Override
    public List<CommandType<?>> commandTypes() {
        return List.of(CREATE, UPDATE);
    }

    @Override
    public List<Class<? extends EventPayload>> eventTypes() {
        return List.of(ActionEvent.class);
    }

    private static List<NewEvent> create(ActionCommand.Create c, CommandContext context) {
        boolean decisionExists = c.decisionId() != null && Decision.inRoom(context.room().id(), c.decisionId()) != null;
        return ActionDecider.create(c, context, UUID.randomUUID(), decisionExists);
    }

    private static List<NewEvent> update(ActionCommand.Update c, CommandContext context) {
        ActionItem item = ActionItem.inRoom(context.room().id(), c.actionId());
        return ActionDecider.update(c, context, item == null ? null : item.toState());
    }

    @Override
    public void project(Room room, RecordedEvent event) {
        EventPayload payload = event.payload();
        if (payload instanceof ActionEvent.Created c) {
            ActionItem a = new ActionItem();
            a.id = c.actionId();
            a.roomId = room.id;
            a.createdSeq = event.seq();
            a.title = c.title();
            a.ownerId = c.ownerId();
            a.ownerName = c.ownerName();
            a.ownerRole = c.ownerRole();
            a.dueAt = c.dueAt();
            a.decisionId = c.decisionId();
            a.status = ActionStatus.OPEN;
            if (c.risk() != null) {
                a.riskLikelihood = c.risk().likelihood();
                a.riskImpact = c.risk().impact();
                a.riskExposure = c.risk().exposure();
                a.riskEffort = c.risk().effort();
                a.riskScore = c.riskScore();
            }
            a.createdBy = event.actorId();
            a.createdAt = event.at();
            a.updatedAt = event.at();
            a.persist();
            if (c.dueAt() != null) {
                RoomTimer.schedule(room.id, DUE_TIMER, c.actionId().toString(), c.dueAt());
            }
        } else if (payload instanceof ActionEvent.Updated u) {
            ActionItem a = ActionItem.findById(u.actionId());
            a.status = u.to();
            a.updatedAt = event.at();
            a.closedAt = u.to().closed() ? event.at() : null;
        } else if (payload instanceof ActionEvent.Overdue o) {
            ActionItem a = ActionItem.findById(o.actionId());
            a.overdue = true;
        }
    }

    @Override
    public List<NewEvent> onTimer(RoomTimer timer, RoomState room, Instant now) {
        if (!DUE_TIMER.equals(timer.kind)) {
            return List.of();
        }
        ActionItem item = ActionItem.inRoom(room.id(), UUID.fromString(timer.subject));
        return item == null ? List.of() : ActionDecider.overdue(item.toState(), now);
    }

    @Override
    public void addToSnapshot(UUID roomId, Viewer viewer, Map<String, Object> sections) {
        sections.put("actions", ranked(ActionItem.list("roomId", roomId)));
    }

    /** A room's actions, highest risk first, for a member. */
    @Transactional
    public List<ActionView> ofRoom(UUID roomId, UUID userId) {
        rooms.requireMember(roomId, userId);
        return ranked(ActionItem.list("roomId", roomId));
    }

    /**
     * The actions a user owns across every room they belong to, closed rooms included: owned by
     * them by name, or by a role they hold in that room. {@code status}: {@code open} (still to do:
     * open, in progress or blocked), {@code closed} (done or cancelled), an exact status, or null for all.
     */
    @Transactional
    public List<ActionView> mine(UUID userId, String status) {
        Set<ActionStatus> wanted = statuses(status);
        List<ActionItem> result = new ArrayList<>();
        for (RoomMember membership : RoomMember.<RoomMember> list("userId", userId)) {
            Set<Role> roles = membership.roles;
            for (ActionItem a : ActionItem.<ActionItem> list("roomId", membership.roomId)) {
                boolean owned = userId.equals(a.ownerId) || (a.ownerRole != null && roles.contains(a.ownerRole));
                if (owned && wanted.contains(a.status)) {
                    result.add(a);
                }
            }
        }
        return ranked(result);
    }

    private static Set<ActionStatus> statuses(String status) {
        if (status == null || status.isBlank()) {
            return Set.of(ActionStatus.values());
        }
        return switch (status) {
            case "open" -> Set.of(ActionStatus.OPEN, ActionStatus.IN_PROGRESS, ActionStatus.BLOCKED);
            case "closed" -> Set.of(ActionStatus.DONE, ActionStatus.CANCELLED);
            default -> {
                try {
                    yield Set.of(ActionStatus.of(status));
                } catch (SitroomException e) {
                    throw SitroomException.invalid("status must be open, closed, in_progress, blocked, done or cancelled");
                }
            }
        };
    }

    private static List<ActionView> ranked(List<ActionItem> items) {
        return items.stream().sorted(RANKING).map(ActionView::of).toList();
    }
}
