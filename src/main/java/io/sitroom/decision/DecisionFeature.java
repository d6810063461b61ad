package io.sitroom.decision;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.sitroom.room.Authority;
import io.sitroom.room.CommandContext;
import io.sitroom.room.CommandType;
import io.sitroom.room.EventPayload;
import io.sitroom.room.NewEvent;
import io.sitroom.room.RecordedEvent;
import io.sitroom.room.Room;
import io.sitroom.room.RoomFeature;
import io.sitroom.room.RoomService;
import io.sitroom.room.RoomState;
import io.sitroom.room.RoomTimer;
import io.sitroom.room.Viewer;

/** The decision log in rooms: loads what the decider needs, keeps the projection and the expiry timers. */
@ApplicationScoped
public class DecisionFeature implements RoomFeature {

    static final String EXPIRY_TIMER = "decision.expiry";

    private final ObjectMapper mapper;
    private final RoomService rooms;

    public DecisionFeature(ObjectMapper mapper, RoomService rooms) {
        this.mapper = mapper;
        this.rooms = rooms;
    }

    public static final CommandType<DecisionCommand.Propose> PROPOSE = new CommandType<>("decision.propose",
            DecisionCommand.Propose.class, Authority.working(), DecisionFeature::propose);
    // The approvers a decision names approve or reject it, whoever they are.
    public static final CommandType<DecisionCommand.Approve> APPROVE = new CommandType<>("decision.approve",
            DecisionCommand.Approve.class, Authority.of().orByContent(), DecisionFeature::approve);
    public static final CommandType<DecisionCommand.Reject> REJECT = new CommandType<>("decision.reject", DecisionCommand.Reject.class,
            Authority.of().orByContent(), DecisionFeature::reject);

    @Override
    public List<CommandType<?>> commandTypes() {
        return List.of(PROPOSE, APPROVE, REJECT);
    }

    @Override
    public List<Class<? extends EventPayload>> eventTypes() {
        return List.of(DecisionEvent.class);
    }

    private static List<NewEvent> propose(DecisionCommand.Propose c, CommandContext context) {
        return DecisionDecider.propose(c, context, UUID.randomUUID(), stateOf(context.room().id(), c.supersedes()));
    }

    private static List<NewEvent> approve(DecisionCommand.Approve c, CommandContext context) {
        Decision decision = Decision.inRoom(context.room().id(), c.decisionId());
        DecisionState state = decision == null ? null : decision.toState();
        return DecisionDecider.approve(c, context, state, state == null ? Optional.empty() : stateOf(context.room().id(), state.supersedes()));
    }

    private static List<NewEvent> reject(DecisionCommand.Reject c, CommandContext context) {
        Decision decision = Decision.inRoom(context.room().id(), c.decisionId());
        return DecisionDecider.reject(c, context, decision == null ? null : decision.toState());
    }

    private static Optional<DecisionState> stateOf(UUID roomId, UUID decisionId) {
        return decisionId == null ? Optional.empty() : Optional.ofNullable(Decision.inRoom(roomId, decisionId)).map(Decision::toState);
    }

    @Override
    public void project(Room room, RecordedEvent event) {
        if (!(event.payload() instanceof DecisionEvent e)) {
            return;
        }
        if (e instanceof DecisionEvent.Proposed p) {
            Decision d = new Decision();
            d.id = p.decisionId();
            d.roomId = room.id;
            d.proposedSeq = event.seq();
            d.title = p.title();
            d.context = p.context();
            d.options = writeOptions(p.options());
            d.choice = p.choice();
            d.rationale = p.rationale();
            d.approvers = p.approvers();
            d.proposedBy = event.actorId();
            d.proposedName = event.actor().displayName();
            d.proposedAt = event.at();
            d.status = DecisionState.Status.PROPOSED;
            d.expiresAt = p.expiresAt();
            d.supersedes = p.supersedes();
            d.persist();
            if (p.expiresAt() != null) {
                RoomTimer.schedule(room.id, EXPIRY_TIMER, p.decisionId().toString(), p.expiresAt());
            }
            return;
        }
        Decision d = Decision.findById(e.decisionId());
        if (e instanceof DecisionEvent.Approved a) {
            vote(d, event, a.roles(), true, a.comment());
        } else if (e instanceof DecisionEvent.Rejected r) {
            vote(d, event, r.roles(), false, r.reason());
            d.status = DecisionState.Status.REJECTED;
            d.decidedAt = event.at();
            RoomTimer.cancel(room.id, EXPIRY_TIMER, d.id.toString());
        } else if (e instanceof DecisionEvent.Accepted) {
            d.status = DecisionState.Status.ACCEPTED;
            d.decidedAt = event.at();
        } else if (e instanceof DecisionEvent.Expired) {
            d.status = DecisionState.Status.EXPIRED;
        } else if (e instanceof DecisionEvent.Superseded s) {
            d.status = DecisionState.Status.SUPERSEDED;
            d.supersededBy = s.supersededBy();
            RoomTimer.cancel(room.id, EXPIRY_TIMER, d.id.toString());
        }
    }

    private static void vote(Decision d, RecordedEvent event, java.util.Set<io.sitroom.role.Role> roles, boolean approve, String comment) {
        DecisionVote v = new DecisionVote();
        v.decisionId = d.id;
        v.userId = event.actorId();
        v.displayName = event.actor().displayName();
        v.roles = roles;
        v.approve = approve;
        v.comment = comment;
        v.at = event.at();
        v.seq = event.seq();
        v.persist();
    }

    @Override
    public List<NewEvent> onTimer(RoomTimer timer, RoomState room, Instant now) {
        if (!EXPIRY_TIMER.equals(timer.kind)) {
            return List.of();
        }
        Decision decision = Decision.inRoom(room.id(), UUID.fromString(timer.subject));
        return decision == null ? List.of() : DecisionDecider.expire(decision.toState(), now);
    }

    @Override
    public void addToSnapshot(UUID roomId, Viewer viewer, Map<String, Object> sections) {
        sections.put("decisions", views(roomId));
    }

    /** The room's decisions, for a member. */
    @Transactional
    public List<DecisionView> list(UUID roomId, UUID userId) {
        rooms.requireMember(roomId, userId);
        return views(roomId);
    }

    List<DecisionView> views(UUID roomId) {
        return Decision.ofRoom(roomId).stream().map(d -> DecisionView.of(d, readOptions(d.options))).toList();
    }

    private String writeOptions(List<String> options) {
        try {
            return options.isEmpty() ? null : mapper.writeValueAsString(options);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> readOptions(String json) {
        try {
            return json == null ? List.of() : mapper.readValue(json, new TypeReference<List<String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
