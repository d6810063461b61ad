package io.sitroom.comms;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import io.sitroom.comms.CommsViews.AckAnswer;
import io.sitroom.comms.CommsViews.AckView;
import io.sitroom.comms.CommsViews.ApprovalView;
import io.sitroom.comms.CommsViews.Person;
import io.sitroom.comms.CommsViews.StatementView;
import io.sitroom.comms.CommsViews.UpdateView;
import io.sitroom.json.CanonicalJson;
import io.sitroom.playbook.PlaybookEvent;
import io.sitroom.playbook.RoomPlaybook;
import io.sitroom.role.Role;
import io.sitroom.room.Authority;
import io.sitroom.room.CommandContext;
import io.sitroom.room.CommandType;
import io.sitroom.room.EventPayload;
import io.sitroom.room.EventView;
import io.sitroom.room.Member;
import io.sitroom.room.NewEvent;
import io.sitroom.room.RecordedEvent;
import io.sitroom.room.Room;
import io.sitroom.room.RoomEvent;
import io.sitroom.room.RoomFeature;
import io.sitroom.room.RoomMember;
import io.sitroom.room.RoomService;
import io.sitroom.room.RoomState;
import io.sitroom.room.RoomTimer;
import io.sitroom.room.Severity;
import io.sitroom.room.Taxonomy;
import io.sitroom.room.UpdateCadences;
import io.sitroom.room.Viewer;

/** Status updates and their cadence, external statements, and acknowledgements in rooms. */
@ApplicationScoped
public class CommsFeature implements RoomFeature, UpdateCadences {

    static final String UPDATE_TIMER = "update.due";
    static final String UPDATE_SUBJECT = "room";
    static final String ACK_TIMER = "ack.due";

    private final CommsConfig config;
    private final RoomService rooms;
    private final Taxonomy taxonomy;

    public CommsFeature(CommsConfig config, RoomService rooms, Taxonomy taxonomy) {
        this.config = config;
        this.rooms = rooms;
        this.taxonomy = taxonomy;
    }

    public static final CommandType<CommsCommand.PostUpdate> POST_UPDATE = new CommandType<>("update.post", CommsCommand.PostUpdate.class,
            Authority.of(Role.INCIDENT_COMMANDER, Role.SCRIBE, Role.COMMS_APPROVER, Role.FACILITATOR), CommsDecider::postUpdate);
    public static final CommandType<CommsCommand.DraftStatement> DRAFT_STATEMENT = new CommandType<>("statement.draft",
            CommsCommand.DraftStatement.class, Authority.of(Role.COMMS_APPROVER, Role.INCIDENT_COMMANDER), CommsFeature::draft);
    public static final CommandType<CommsCommand.ApproveStatement> APPROVE_STATEMENT = new CommandType<>("statement.approve",
            CommsCommand.ApproveStatement.class, Authority.of(StatementState.APPROVERS.toArray(Role[]::new)),
            (c, context) -> CommsDecider.approve(c, context, statement(context, c.statementId())));
    public static final CommandType<CommsCommand.PublishStatement> PUBLISH_STATEMENT = new CommandType<>("statement.publish",
            CommsCommand.PublishStatement.class, Authority.of(Role.COMMS_APPROVER),
            (c, context) -> CommsDecider.publish(c, context, statement(context, c.statementId())));
    // The roles a request names acknowledge it, whoever they are.
    public static final CommandType<CommsCommand.GiveAck> GIVE_ACK = new CommandType<>("ack.give", CommsCommand.GiveAck.class,
            Authority.of().orByContent(), (c, context) -> {
                AckRequest ack = AckRequest.inRoom(context.room().id(), c.ackId());
                return CommsDecider.giveAck(c, context, ack == null ? null : ack.toState());
            });

    @Override
    public List<CommandType<?>> commandTypes() {
        return List.of(POST_UPDATE, DRAFT_STATEMENT, APPROVE_STATEMENT, PUBLISH_STATEMENT,
                new CommandType<>("ack.request", CommsCommand.RequestAck.class, Authority.leads(),
                        (c, context) -> CommsDecider.requestAck(c, context, UUID.randomUUID(), context.now().plus(config.ackTimeout()))),
                GIVE_ACK);
    }

    @Override
    public List<Class<? extends EventPayload>> eventTypes() {
        return List.of(CommsEvent.class);
    }

    private static List<NewEvent> draft(CommsCommand.DraftStatement c, CommandContext context) {
        return CommsDecider.draft(c, context, c.statementId() == null ? null : statement(context, c.statementId()), UUID.randomUUID());
    }

    private static StatementState statement(CommandContext context, UUID statementId) {
        Statement statement = Statement.inRoom(context.room().id(), statementId);
        return statement == null ? null : statement.toState();
    }

    @Override
    public void project(Room room, RecordedEvent event) {
        EventPayload payload = event.payload();
        if (payload instanceof RoomEvent.RoomCreated created) {
            // The cadence it opened with is in the event (rooms opened before it was recorded: the deployment's, now).
            scheduleUpdate(UpdateCadence.of(room.id), created.updateCadenceSeconds() != null ? created.firstUpdateDue(event.at())
                    : cadence(room.id, created.severity()).map(event.at()::plus).orElse(null));
        } else if (payload instanceof RoomEvent.SeverityChanged changed) {
            scheduleSooner(UpdateCadence.of(room.id), cadence(room.id, changed.to()).map(event.at()::plus).orElse(null));
        } else if (payload instanceof PlaybookEvent.Applied applied && applied.cadenceMinutes().containsKey(room.severity)) {
            // The type's cadence replaces the deployment's; a shorter one brings the next update forward.
            Duration typeCadence = Duration.ofMinutes(applied.cadenceMinutes().get(room.severity));
            scheduleSooner(UpdateCadence.of(room.id), event.at().plus(typeCadence));
        } else if (payload instanceof CommsEvent.UpdatePosted posted) {
            StatusUpdate update = new StatusUpdate();
            update.roomId = room.id;
            update.seq = event.seq();
            update.audience = posted.audience();
            update.data = CanonicalJson.write(event.data());
            update.postedBy = event.actorId();
            update.postedAt = event.at();
            update.persist();
            UpdateCadence current = UpdateCadence.of(room.id);
            current.lastUpdateAt = event.at();
            Instant next = posted.nextUpdateAt() != null ? posted.nextUpdateAt()
                    : cadence(room.id, room.severity).map(event.at()::plus).orElse(null);
            scheduleUpdate(current, next);
        } else if (payload instanceof CommsEvent.StatementDrafted drafted) {
            projectDraft(room, event, drafted);
        } else if (payload instanceof CommsEvent.StatementApproved approved) {
            StatementApproval approval = new StatementApproval();
            approval.statementId = approved.statementId();
            approval.version = approved.version();
            approval.role = approved.role().wire();
            approval.userId = event.actorId();
            approval.displayName = event.actor().displayName();
            approval.textHash = approved.textHash();
            approval.at = event.at();
            approval.seq = event.seq();
            approval.persist();
        } else if (payload instanceof CommsEvent.StatementPublished published) {
            Statement statement = Statement.findById(published.statementId());
            statement.publishedVersion = published.version();
            statement.publishedAt = event.at();
        } else if (payload instanceof CommsEvent.AckRequested requested) {
            AckRequest ack = new AckRequest();
            ack.id = requested.ackId();
            ack.roomId = room.id;
            ack.seq = event.seq();
            ack.aboutSeq = requested.about();
            ack.roles = requested.roles();
            ack.requestedBy = event.actorId();
            ack.requestedAt = event.at();
            ack.dueAt = requested.dueAt();
            ack.persist();
            RoomTimer.schedule(room.id, ACK_TIMER, ack.id.toString(), ack.dueAt);
        } else if (payload instanceof CommsEvent.AckGiven given) {
            for (Role role : given.roles()) {
                AckResponse response = new AckResponse();
                response.ackId = given.ackId();
                response.role = role.wire();
                response.userId = event.actorId();
                response.displayName = event.actor().displayName();
                response.at = event.at();
                response.seq = event.seq();
                response.persist();
            }
            if (given.pending().isEmpty()) {
                RoomTimer.cancel(room.id, ACK_TIMER, given.ackId().toString());
            }
        } else if (payload instanceof CommsEvent.AckOverdue overdue) {
            AckRequest.<AckRequest> findById(overdue.ackId()).overdue = true;
        }
    }

    private static void projectDraft(Room room, RecordedEvent event, CommsEvent.StatementDrafted drafted) {
        Statement statement = Statement.findById(drafted.statementId());
        if (statement == null) {
            statement = new Statement();
            statement.id = drafted.statementId();
            statement.roomId = room.id;
            statement.createdAt = event.at();
            statement.currentVersion = drafted.version();
            statement.persist();
        } else {
            statement.currentVersion = drafted.version();
        }
        StatementVersion version = new StatementVersion();
        version.statementId = drafted.statementId();
        version.version = drafted.version();
        version.title = drafted.title();
        version.body = drafted.body();
        version.channel = drafted.channel();
        version.textHash = drafted.textHash();
        version.draftedBy = event.actorId();
        version.draftedName = event.actor().displayName();
        version.draftedAt = event.at();
        version.seq = event.seq();
        version.persist();
    }

    /**
     * How often a room owes a status update at a severity: its incident type's cadence, else the deployment's
     * ({@code sitroom.comms.update-cadence}, else its taxonomy's).
     */
    private Optional<Duration> cadence(UUID roomId, Severity severity) {
        Optional<Duration> ofType = RoomPlaybook.cadence(roomId, severity);
        return ofType.isPresent() ? ofType : deploymentCadence(severity);
    }

    /** The deployment's cadence at a severity: {@code sitroom.comms.update-cadence}, else its taxonomy's. */
    @Override
    public Optional<Duration> deploymentCadence(Severity severity) {
        return config.updateCadence().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(severity.id()))
                .map(Map.Entry::getValue).findFirst().or(() -> taxonomy.updateCadence(severity));
    }

    /** Moves the next update to {@code due} if that is sooner (null: none owed at the new severity). */
    private static void scheduleSooner(UpdateCadence current, Instant due) {
        scheduleUpdate(current, due == null ? null : current.nextDueAt != null && current.nextDueAt.isBefore(due) ? current.nextDueAt : due);
    }

    private static void scheduleUpdate(UpdateCadence cadence, Instant due) {
        cadence.nextDueAt = due;
        if (due == null) {
            RoomTimer.cancel(cadence.roomId, UPDATE_TIMER, UPDATE_SUBJECT);
        } else {
            RoomTimer.schedule(cadence.roomId, UPDATE_TIMER, UPDATE_SUBJECT, due);
        }
    }

    /** After an update or a new severity moved the schedule, everyone learns when the next update is due. */
    @Override
    public List<NewEvent> react(Room room, List<RecordedEvent> appended, Instant now) {
        boolean moved = appended.stream().anyMatch(e -> e.payload() instanceof CommsEvent.UpdatePosted
                || e.payload() instanceof RoomEvent.SeverityChanged || e.payload() instanceof PlaybookEvent.Applied);
        if (!moved) {
            return List.of();
        }
        UpdateCadence cadence = UpdateCadence.of(room.id);
        return List.of(NewEvent.forEveryone(new CommsEvent.UpdateRescheduled(cadence.nextDueAt, cadence.lastUpdateAt)));
    }

    @Override
    public List<NewEvent> onTimer(RoomTimer timer, RoomState state, Instant now) {
        if (UPDATE_TIMER.equals(timer.kind)) {
            UpdateCadence cadence = UpdateCadence.of(state.id());
            return CommsDecider.updateOverdue(cadence.nextDueAt, now, state.severity(), cadence.lastUpdateAt);
        }
        if (ACK_TIMER.equals(timer.kind)) {
            AckRequest ack = AckRequest.inRoom(state.id(), UUID.fromString(timer.subject));
            return ack == null ? List.of() : CommsDecider.ackOverdue(ack.toState(), now);
        }
        return List.of();
    }

    @Override
    public void addToSnapshot(UUID roomId, Viewer viewer, Map<String, Object> sections) {
        UpdateCadence cadence = UpdateCadence.findById(roomId);
        Map<Audience, UpdateView> latest = new EnumMap<>(Audience.class);
        for (UpdateView update : updates(roomId, viewer)) {
            latest.putIfAbsent(Audience.of(update.audience()), update);
        }
        sections.put("updates", List.copyOf(latest.values()));
        sections.put("nextUpdateDue", cadence == null ? null : CommsViews.time(cadence.nextDueAt));
        sections.put("lastUpdateAt", cadence == null ? null : CommsViews.time(cadence.lastUpdateAt));
        sections.put("statements", statements(roomId));
        sections.put("acks", acks(roomId));
    }

    /** The updates a viewer may read, newest first. */
    List<UpdateView> updates(UUID roomId, Viewer viewer) {
        List<UpdateView> result = new ArrayList<>();
        for (StatusUpdate u : StatusUpdate.<StatusUpdate> list("roomId", Sort.descending("seq"), roomId)) {
            if (viewer.maySee(u.audience.readers(), u.postedBy)) {
                RoomMember author = RoomMember.find(roomId, u.postedBy);
                result.add(new UpdateView(u.seq, CommsViews.time(u.postedAt), u.audience.wire(),
                        new Person(u.postedBy, author == null ? null : author.displayName), EventView.parseData(u.data)));
            }
        }
        return result;
    }

    List<StatementView> statements(UUID roomId) {
        List<StatementView> result = new ArrayList<>();
        // Oldest first, by their first version's place in the log: unlike the time (one batch shares its
        // millisecond) it never ties, and a client that appends each new statement arrives at the same order.
        List<Statement> all = new ArrayList<>(Statement.<Statement> list("roomId", roomId));
        all.sort(Comparator.comparingLong(Statement::firstSeq));
        for (Statement s : all) {
            StatementVersion current = s.current();
            List<ApprovalView> approvals = s.approvalsOf(s.currentVersion).stream()
                    .map(a -> new ApprovalView(a.role, new Person(a.userId, a.displayName), a.version, a.textHash, CommsViews.time(a.at)))
                    .toList();
            StatementState state = s.toState();
            boolean published = s.publishedVersion != null && s.publishedVersion == s.currentVersion;
            String status = published ? "published" : state.missing().isEmpty() ? "approved" : "draft";
            result.add(new StatementView(s.id, s.currentVersion, current.title, current.body, current.channel, current.textHash,
                    new Person(current.draftedBy, current.draftedName), status, approvals,
                    state.missing().stream().map(Role::wire).sorted().toList(), s.publishedVersion, CommsViews.time(s.publishedAt)));
        }
        return result;
    }

    List<AckView> acks(UUID roomId) {
        List<AckView> result = new ArrayList<>();
        for (AckRequest a : AckRequest.<AckRequest> list("roomId", Sort.ascending("seq"), roomId)) {
            List<AckAnswer> answers = a.responses().stream()
                    .map(r -> new AckAnswer(r.role, new Person(r.userId, r.displayName), CommsViews.time(r.at))).toList();
            result.add(new AckView(a.id, a.seq, a.aboutSeq, a.roles.stream().map(Role::wire).sorted().toList(), answers,
                    a.toState().pending().stream().map(Role::wire).sorted().toList(), CommsViews.time(a.dueAt), a.overdue));
        }
        result.sort(Comparator.comparingLong(AckView::seq));
        return result;
    }

    @Transactional
    public List<UpdateView> updatesFor(UUID roomId, UUID userId) {
        Member me = rooms.requireMember(roomId, userId);
        return updates(roomId, Viewer.of(me, Room.<Room> findById(roomId).kind));
    }

    @Transactional
    public List<StatementView> statementsFor(UUID roomId, UUID userId) {
        rooms.requireMember(roomId, userId);
        return statements(roomId);
    }

    @Transactional
    public List<AckView> acksFor(UUID roomId, UUID userId) {
        rooms.requireMember(roomId, userId);
        return acks(roomId);
    }
}
