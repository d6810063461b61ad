package io.sitroom.room;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.sitroom.error.ErrorCode;
import io.sitroom.error.OutageLog;
import io.sitroom.limits.RateLimits;
import io.sitroom.error.SitroomException;

/**
 * The one way into a room's log, for WebSocket frames and REST calls alike: decode, then in one
 * transaction lock the room, check membership and idempotency, decide, append, project; after
 * the commit, announce the new events.
 */
@ApplicationScoped
public class CommandHandler {

    private static final Logger LOG = Logger.getLogger(CommandHandler.class);
    /** Reactions may cause reactions (an inject delivered on a condition starts an expectation...), but not forever. */
    private static final int MAX_REACTION_ROUNDS = 20;

    private final CommandCatalog catalog;
    private final EventLog log;
    private final Directory directory;
    private final Clock clock;
    private final Instance<RoomFeature> features;
    private final Event<EventsAppended> appended;
    private final AppendSignal signal;

    private final MeterRegistry registry;
    private final Counter eventsAppended;
    private final RateLimits rateLimits;
    private final OutageLog outage = new OutageLog(LOG, "commands");
    private final ExecutorService appenders;
    private final io.micrometer.core.instrument.Timer batchTime;
    private final io.micrometer.core.instrument.DistributionSummary batchSize;
    private final BatchQueues<Pending> queues;
    /** Per room, the membership after this node's last committed batch: saves reading it again for the next. */
    private final Map<UUID, KnownMembers> knownMembers = new java.util.concurrent.ConcurrentHashMap<>();

    public CommandHandler(CommandCatalog catalog, EventLog log, Directory directory, Clock clock,
            Instance<RoomFeature> features, Event<EventsAppended> appended, AppendSignal signal, MeterRegistry registry,
            RateLimits rateLimits, CommandConfig config) {
        this.signal = signal;
        AtomicInteger threads = new AtomicInteger();
        this.appenders = Executors.newFixedThreadPool(config.appenders(), runnable -> {
            Thread thread = new Thread(runnable, "sitroom-appender-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.queues = new BatchQueues<>(appenders, config.maxBatch(), this::appendBatch);
        this.batchTime = io.micrometer.core.instrument.Timer.builder("sitroom.commands.batch")
                .description("Time to decide, append and commit one batch of a room's commands (one transaction)")
                .publishPercentileHistogram().register(registry);
        this.batchSize = io.micrometer.core.instrument.DistributionSummary.builder("sitroom.commands.batch.size")
                .description("Commands in one batch (one transaction)").register(registry);
        this.registry = registry;
        this.rateLimits = rateLimits;
        this.eventsAppended = Counter.builder("sitroom.events.appended").description("Events appended to room logs").register(registry);
        for (ErrorCode code : ErrorCode.values()) {
            Counter.builder("sitroom.command.refusals").description("Commands refused, by error code").tag("code", code.wire()).register(registry);
        }
        this.catalog = catalog;
        this.log = log;
        this.directory = directory;
        this.clock = clock;
        this.features = features;
        this.appended = appended;
    }

    private record Outcome(CommandResult result, List<EventView> events, boolean membersChanged) {
    }

    /** A batch decided: each command's outcome, and the room's membership at the head it left. */
    private record Decided(List<Outcome> outcomes, KnownMembers membersAfter) {
    }

    /** A room's membership as it stood at a head seq: good for as long as the head has not moved. */
    private record KnownMembers(long headSeq, Map<UUID, Member> members) {
    }

    /** A decoded command waiting in its room's queue. */
    private record Pending(UUID userId, String commandId, CommandType<?> type, Command command,
            CompletableFuture<CommandResult> result) {
    }

    /** Handles one command from a user and waits for it; a refusal comes back as a result, never as an exception. */
    public CommandResult handle(UUID roomId, UUID userId, CommandEnvelope envelope) {
        return submit(roomId, userId, envelope).join();
    }

    /**
     * Handles one command from a user without waiting: decodes it at once, then queues it behind
     * the room's other commands; the result completes (never exceptionally) once the command's
     * transaction has committed and its events have been announced. Commands of one room are
     * appended in the order they were submitted, several to a transaction when they queue up.
     */
    public CompletableFuture<CommandResult> submit(UUID roomId, UUID userId, CommandEnvelope envelope) {
        CommandType<?> type;
        Command command;
        try {
            rateLimits.takeCommand(userId);
            type = catalog.type(envelope.name());
            command = catalog.decode(envelope);
        } catch (SitroomException e) {
            return CompletableFuture.completedFuture(refused(envelope.commandId(), e));
        }
        Pending pending = new Pending(userId, envelope.commandId(), type, command, new CompletableFuture<>());
        queues.add(roomId, pending);
        return pending.result();
    }

    /**
     * Appends a batch of one room's commands in one transaction (one commit). A refusal refuses only
     * its command. If the transaction fails, each command is tried again on its own, so one bad
     * command never takes others down with it.
     */
    private void appendBatch(UUID roomId, List<Pending> batch) {
        List<Outcome> outcomes;
        long start = System.nanoTime();
        try {
            Decided decided = QuarkusTransaction.requiringNew().call(() -> decideAll(roomId, batch));
            outcomes = decided.outcomes();
            if (decided.membersAfter() != null) {
                // Committed: the next batch may use this membership as long as the log has not moved on.
                knownMembers.put(roomId, decided.membersAfter());
            }
            batchTime.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
            batchSize.record(batch.size());
        } catch (RuntimeException e) {
            if (batch.size() > 1) {
                batch.forEach(pending -> appendBatch(roomId, List.of(pending)));
            } else {
                Pending pending = batch.get(0);
                pending.result().complete(failed(roomId, pending.commandId(), pending.type(), e));
            }
            return;
        }
        outage.succeeded();
        announce(roomId, outcomes.stream().flatMap(o -> o.events().stream()).toList());
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).result().complete(outcomes.get(i).result());
        }
    }

    /**
     * One transaction for a batch: the room is locked once, earlier results of the batch's command
     * ids are read in one query, and the membership is read only if the log moved since this node's
     * last batch (another node, a timer, an invitation) or after a command changed it.
     */
    private Decided decideAll(UUID roomId, List<Pending> batch) {
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        Room room = Room.lockForAppend(roomId);
        if (room == null) {
            batch.forEach(pending -> outcomes.add(new Outcome(refused(pending.commandId(), RoomService.roomNotFound()), List.of(), false)));
            return new Decided(outcomes, null);
        }
        Map<String, CommandResult> results = AcceptedCommand.results(roomId, batch.stream().map(Pending::commandId).toList());
        KnownMembers known = knownMembers.get(roomId);
        Map<UUID, Member> members = known != null && known.headSeq() == room.headSeq ? known.members() : loadMembers(room);
        for (Pending pending : batch) {
            try {
                Outcome outcome = decideAndAppend(room, members, results.get(pending.commandId()), pending.userId(),
                        pending.commandId(), pending.type(), pending.command());
                outcomes.add(outcome);
                results.putIfAbsent(pending.commandId(), outcome.result());
                if (outcome.membersChanged()) {
                    members = loadMembers(room);
                }
            } catch (SitroomException e) {
                outcomes.add(new Outcome(refused(pending.commandId(), e), List.of(), false));
            }
        }
        if (outcomes.stream().anyMatch(o -> !o.events().isEmpty())) {
            signal(roomId, room.headSeq);
        }
        return new Decided(outcomes, new KnownMembers(room.headSeq, members));
    }

    private CommandResult failed(UUID roomId, String commandId, CommandType<?> type, RuntimeException e) {
        // The transaction rolled back: nothing was appended. Say so rather than drop the connection.
        if (!outage.failed(e)) {
            LOG.errorf(e, "room %s: command %s (%s) failed", roomId, commandId, type.name());
        }
        return refused(commandId, new SitroomException(ErrorCode.UNAVAILABLE,
                "the server could not record this command; nothing was changed, try again"));
    }

    private CommandResult refused(String commandId, SitroomException e) {
        registry.counter("sitroom.command.refusals", "code", e.code().wire()).increment();
        return CommandResult.refused(commandId, e);
    }

    /**
     * Handles a decoded command, also one the server issues on a user's behalf that is not on the
     * wire (an invitation, say): the same authorisation, idempotency, log and fan-out.
     */
    public CommandResult execute(UUID roomId, UUID userId, String commandId, CommandType<?> type, Command command) {
        return execute(roomId, userId, commandId, type, command, () -> {
        });
    }

    /**
     * As {@link #execute(UUID, UUID, String, CommandType, Command)}, running {@code alsoRecord} inside the
     * same transaction when the command was accepted, for rows that must not be in the log (a secret's hash).
     */
    public CommandResult execute(UUID roomId, UUID userId, String commandId, CommandType<?> type, Command command,
            Runnable alsoRecord) {
        try {
            Outcome outcome = QuarkusTransaction.requiringNew().call(() -> {
                Room room = Room.lockForAppend(roomId);
                if (room == null) {
                    throw RoomService.roomNotFound();
                }
                Outcome decided = decideAndAppend(room, loadMembers(room), AcceptedCommand.results(roomId, List.of(commandId)).get(commandId),
                        userId, commandId, type, command);
                if (!decided.events().isEmpty()) {
                    alsoRecord.run();
                    signal(roomId, decided.events().get(decided.events().size() - 1).seq());
                }
                return decided;
            });
            announce(roomId, outcome.events());
            return outcome.result();
        } catch (SitroomException e) {
            return refused(commandId, e);
        } catch (RuntimeException e) {
            return failed(roomId, commandId, type, e);
        }
    }

    /**
     * Appends events the server decides by itself (no actor, no command id), from the room as it is
     * under its lock. The decision may refuse with a {@link SitroomException}, which propagates.
     */
    public List<EventView> appendSystem(UUID roomId, java.util.function.Function<RoomState, List<NewEvent>> decision) {
        return appendSystem(roomId, decision, events -> {
        });
    }

    /** As {@link #appendSystem(UUID, java.util.function.Function)}, running {@code alsoRecord} in the same transaction. */
    public List<EventView> appendSystem(UUID roomId, java.util.function.Function<RoomState, List<NewEvent>> decision,
            java.util.function.Consumer<List<LoggedEvent>> alsoRecord) {
        List<EventView> events = QuarkusTransaction.requiringNew().call(() -> {
            Room room = Room.lockForAppend(roomId);
            if (room == null) {
                throw RoomService.roomNotFound();
            }
            List<NewEvent> decided = decision.apply(loadState(room));
            List<LoggedEvent> appended = decided.isEmpty() ? List.of() : appendAndProject(room, null, null, decided);
            alsoRecord.accept(appended);
            if (!appended.isEmpty()) {
                signal(room.id, room.headSeq);
            }
            return appended.stream().map(EventView::of).toList();
        });
        announce(roomId, events);
        return events;
    }

    /**
     * Decides one command against the locked room and appends what it decided. {@code members} is
     * the room's membership as it stands in this transaction; {@code earlier} the result of an
     * earlier command with the same id, if there was one.
     */
    private Outcome decideAndAppend(Room room, Map<UUID, Member> members, CommandResult earlier, UUID userId, String commandId,
            CommandType<?> type, Command command) {
        Member actor = members.get(userId);
        if (actor == null) {
            throw RoomService.roomNotFound();
        }
        if (earlier != null) {
            return new Outcome(earlier, List.of(), false);
        }
        RoomState state = new RoomState(room.id, room.kind, room.title, room.severity, room.phase, room.headSeq, members);
        if (state.isClosed() && !(command instanceof RoomCommand.ChangePhase)) {
            throw SitroomException.conflict("the room is closed; the incident commander can reopen it by changing its phase");
        }
        List<NewEvent> decided = type.decide(command, new CommandContext(state, actor, clock.instant(), directory));
        List<LoggedEvent> events;
        try {
            events = appendAndProject(room, actor, commandId, decided);
        } catch (SitroomException e) {
            // Refusals come before anything is written; one after would leave half a command in the transaction.
            throw new IllegalStateException("command " + commandId + " was refused after its events were appended", e);
        }
        AcceptedCommand accepted = new AcceptedCommand();
        accepted.roomId = room.id;
        accepted.commandId = commandId;
        accepted.firstSeq = events.get(0).seq;
        accepted.lastSeq = events.get(decided.size() - 1).seq;
        accepted.persist();
        return new Outcome(CommandResult.accepted(commandId, accepted.firstSeq, accepted.lastSeq),
                events.stream().map(EventView::of).toList(), events.stream().anyMatch(e -> e.changesMembers));
    }

    /**
     * Fires one timer: in one transaction, locks its room, deletes the timer if it is still due, and
     * appends what the owning feature decides. Returns whether anything was appended.
     */
    boolean fire(RoomTimer.Key key) {
        List<EventView> events = QuarkusTransaction.requiringNew().call(() -> {
            Room room = Room.lockForAppend(key.roomId());
            RoomTimer timer = room == null ? null : RoomTimer.<RoomTimer> findById(key);
            if (timer == null || timer.dueAt.isAfter(clock.instant())) {
                return List.<EventView> of();
            }
            timer.delete();
            RoomState state = loadState(room);
            List<NewEvent> decided = new java.util.ArrayList<>();
            for (RoomFeature feature : features) {
                decided.addAll(feature.onTimer(timer, state, clock.instant()));
            }
            if (decided.isEmpty()) {
                return List.<EventView> of();
            }
            List<EventView> appended = appendAndProject(room, null, null, decided).stream().map(EventView::of).toList();
            signal(room.id, room.headSeq);
            return appended;
        });
        announce(key.roomId(), events);
        return !events.isEmpty();
    }

    /**
     * Appends to a locked room and updates every projection, inside the caller's transaction; then
     * lets the features react (a conditional inject, an expectation met), appending their events
     * too, until nothing more follows. Returns the decided events first, then the reactions.
     */
    List<LoggedEvent> appendAndProject(Room room, Member actor, String commandId, List<NewEvent> decided) {
        if (decided.isEmpty()) {
            throw new IllegalStateException("a decider accepted a command without deciding any event");
        }
        List<LoggedEvent> all = new java.util.ArrayList<>(appendOnly(room, actor, commandId, decided));
        List<LoggedEvent> latest = all;
        for (int round = 0; round < MAX_REACTION_ROUNDS; round++) {
            List<NewEvent> reactions = new java.util.ArrayList<>();
            for (RoomFeature feature : features) {
                reactions.addAll(feature.react(room, latest, clock.instant()));
            }
            if (reactions.isEmpty()) {
                break;
            }
            latest = appendOnly(room, null, null, reactions);
            all.addAll(latest);
        }
        return all;
    }

    private List<LoggedEvent> appendOnly(Room room, Member actor, String commandId, List<NewEvent> decided) {
        List<LoggedEvent> events = log.append(room, actor, commandId, decided, clock.instant());
        for (int i = 0; i < events.size(); i++) {
            EventPayload payload = decided.get(i).payload();
            events.get(i).changesMembers = payload instanceof ChangesRoles;
            RoomProjector.project(room, events.get(i), payload);
            for (RoomFeature feature : features) {
                feature.project(room, events.get(i), payload);
            }
        }
        return events;
    }

    /** Tells other nodes, once per transaction and only if it commits, how far the room's log now reaches. */
    void signal(UUID roomId, long headSeq) {
        signal.appended(roomId, headSeq);
    }

    /** Tells the live fan-out (and anything else listening) about committed events. */
    void announce(UUID roomId, List<EventView> events) {
        if (!events.isEmpty()) {
            eventsAppended.increment(events.size());
            appended.fire(new EventsAppended(roomId, events));
        }
    }

    @PreDestroy
    void stop() {
        appenders.shutdown();
    }

    static RoomState loadState(Room room) {
        return new RoomState(room.id, room.kind, room.title, room.severity, room.phase, room.headSeq, loadMembers(room));
    }

    private static Map<UUID, Member> loadMembers(Room room) {
        return RoomMember.ofRoom(room.id).stream().collect(Collectors.toMap(m -> m.userId, RoomMember::toMember));
    }
}
