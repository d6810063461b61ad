package io.sitroom.exercise;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.sitroom.crypto.Sha256;
import io.sitroom.decision.Decision;
import io.sitroom.decision.DecisionState;
import io.sitroom.error.SitroomException;
import io.sitroom.role.Role;
import io.sitroom.room.Authority;
import io.sitroom.room.CommandContext;
import io.sitroom.room.CommandType;
import io.sitroom.room.EventLog;
import io.sitroom.room.EventPayload;
import io.sitroom.room.Member;
import io.sitroom.room.NewEvent;
import io.sitroom.room.RecordedEvent;
import io.sitroom.room.Room;
import io.sitroom.room.RoomEvent;
import io.sitroom.room.RoomFeature;
import io.sitroom.room.RoomKind;
import io.sitroom.room.RoomMember;
import io.sitroom.room.RoomScenarios;
import io.sitroom.room.RoomService;
import io.sitroom.room.RoomState;
import io.sitroom.room.RoomTimer;
import io.sitroom.room.Viewer;

/**
 * Exercises in rooms: the facilitator's commands, the playback engine (timed, chained and
 * conditional injects; expectations met or missed), and its state in the database. The next thing
 * due is always a timer ({@value #TICK_TIMER}), so playback survives a restart and fires once.
 */
@ApplicationScoped
public class ExerciseFeature implements RoomFeature, RoomScenarios {

    public static final String TICK_TIMER = "exercise.tick";
    public static final String TICK_SUBJECT = "playback";

    private final ScenarioCatalog catalog;
    private final Clock clock;
    private final RoomService rooms;
    private final EventLog log;
    /** Parsed scenarios of exercise rooms, from the text stored with each exercise. */
    private final Map<UUID, Scenario> scenarios = new ConcurrentHashMap<>();

    public ExerciseFeature(ScenarioCatalog catalog, Clock clock, RoomService rooms, EventLog log) {
        this.log = log;
        this.catalog = catalog;
        this.clock = clock;
        this.rooms = rooms;
    }

    /** The exercise as a member sees it (the facilitator: all of it). */
    @Transactional
    public ExerciseView view(UUID roomId, UUID userId) {
        Member me = rooms.requireMember(roomId, userId);
        Exercise exercise = Exercise.findById(roomId);
        if (exercise == null) {
            throw SitroomException.notFound("this room is not an exercise");
        }
        Viewer viewer = Viewer.of(me, RoomKind.EXERCISE);
        return ExerciseView.of(Played.of(exercise, responded(roomId, viewer), readyRoles(roomId, viewer)), scenario(exercise), viewer,
                clock.instant());
    }

    /** The scenario an exercise room plays, for a viewer who may read the whole script (its facilitator); else empty. */
    public Optional<PlayedScenario> scenarioFor(UUID roomId, Viewer viewer) {
        Exercise exercise = viewer.roles().contains(Role.FACILITATOR) ? Exercise.findById(roomId) : null;
        return exercise == null ? Optional.empty()
                : Optional.of(new PlayedScenario(exercise.scenarioId, exercise.scenarioVersion, Sha256.hex(exercise.scenarioYaml),
                        exercise.scenarioYaml));
    }

    @Override
    public List<CommandType<?>> commandTypes() {
        Authority facilitator = Authority.in(RoomKind.EXERCISE, Role.FACILITATOR);
        return List.of(
                new CommandType<>("exercise.start", ExerciseCommand.Start.class, facilitator,
                        (c, ctx) -> PlaybackDecider.start(c, ctx, state(ctx))),
                new CommandType<>("exercise.pause", ExerciseCommand.Pause.class, facilitator,
                        (c, ctx) -> PlaybackDecider.pause(ctx, state(ctx))),
                new CommandType<>("exercise.resume", ExerciseCommand.Resume.class, facilitator,
                        (c, ctx) -> PlaybackDecider.resume(ctx, state(ctx))),
                new CommandType<>("exercise.speed", ExerciseCommand.ChangeSpeed.class, facilitator,
                        (c, ctx) -> PlaybackDecider.speed(c, ctx, state(ctx))),
                new CommandType<>("exercise.end", ExerciseCommand.End.class, facilitator, (c, ctx) -> PlaybackDecider.end(ctx, state(ctx))),
                new CommandType<>("report.release", ExerciseCommand.ReleaseReport.class, facilitator,
                        (c, ctx) -> PlaybackDecider.releaseReport(state(ctx), exercise(ctx).reportReleasedAt != null)),
                new CommandType<>("exercise.inject", ExerciseCommand.Deliver.class, facilitator,
                        (c, ctx) -> PlaybackDecider.deliverNow(c, ctx, script(ctx), state(ctx))),
                // The roles an inject went to answer it.
                new CommandType<>("inject.respond", ExerciseCommand.Respond.class, Authority.in(RoomKind.EXERCISE).orByContent(),
                        (c, ctx) -> PlaybackDecider.respond(c, ctx, script(ctx), state(ctx))),
                // Improvisation: the facilitator changes the script during play.
                new CommandType<>("inject.add", ExerciseCommand.AddInject.class, facilitator,
                        (c, ctx) -> Improvisation.add(c, ctx, script(ctx), state(ctx))),
                new CommandType<>("inject.edit", ExerciseCommand.EditInject.class, facilitator,
                        (c, ctx) -> Improvisation.edit(c, ctx, script(ctx), state(ctx))),
                new CommandType<>("inject.drop", ExerciseCommand.DropInject.class, facilitator,
                        (c, ctx) -> Improvisation.drop(c, ctx, script(ctx), state(ctx))),
                new CommandType<>("inject.move", ExerciseCommand.MoveInject.class, facilitator,
                        (c, ctx) -> Improvisation.move(c, ctx, script(ctx), state(ctx))),
                // Scheduling and the communications check before the start.
                new CommandType<>("exercise.schedule", ExerciseCommand.Schedule.class, facilitator,
                        (c, ctx) -> ExerciseSchedule.schedule(c, ctx, state(ctx))),
                // The scenario's player roles confirm they are ready (the decider checks the roles).
                new CommandType<>("exercise.ready", ExerciseCommand.ConfirmReady.class, Authority.in(RoomKind.EXERCISE).orByContent(),
                        (c, ctx) -> ExerciseSchedule.confirmReady(ctx, scenario(exercise(ctx)), state(ctx))));
    }

    @Override
    public List<Class<? extends EventPayload>> eventTypes() {
        return List.of(ExerciseEvent.class);
    }

    private static Exercise exercise(CommandContext context) {
        Exercise exercise = context.room().kind() == RoomKind.EXERCISE ? Exercise.findById(context.room().id()) : null;
        if (exercise == null) {
            throw SitroomException.invalid("this room is not an exercise");
        }
        return exercise;
    }

    private static PlaybackState state(CommandContext context) {
        return exercise(context).state();
    }

    /** The script a command is decided on: the scenario with the facilitator's changes. */
    private Scenario script(CommandContext context) {
        Exercise exercise = exercise(context);
        return script(exercise, exercise.state());
    }

    /** The script the exercise plays: its scenario as stored, with what the facilitator improvised. */
    public Scenario script(Exercise exercise, PlaybackState state) {
        return Improvisation.script(scenario(exercise), state.changes());
    }

    /** The scenario an exercise plays, as stored with it. */
    public Scenario scenario(Exercise exercise) {
        return scenarios.computeIfAbsent(exercise.roomId, id -> {
            ScenarioParser.Result parsed = ScenarioParser.parse(exercise.scenarioId + ".yaml", exercise.scenarioYaml);
            if (parsed.scenario() == null) {
                throw new IllegalStateException("the stored scenario of exercise " + id + " no longer parses: " + parsed.errors());
            }
            return parsed.scenario();
        });
    }

    @Override
    public void project(Room room, RecordedEvent event) {
        EventPayload payload = event.payload();
        if (payload instanceof RoomEvent.RoomCreated created && created.roomKind() == RoomKind.EXERCISE) {
            createExercise(room, created);
            return;
        }
        if (!(payload instanceof ExerciseEvent e)) {
            return;
        }
        Exercise exercise = Exercise.findById(room.id);
        if (e instanceof ExerciseEvent.Started s) {
            exercise.status = ExerciseStatus.RUNNING;
            exercise.speed = s.speed();
            exercise.anchor(0, event.at());
            exercise.startedAt = event.at();
        } else if (e instanceof ExerciseEvent.Paused p) {
            exercise.status = ExerciseStatus.PAUSED;
            exercise.anchor(p.scenarioMs(), null);
        } else if (e instanceof ExerciseEvent.Resumed r) {
            exercise.status = ExerciseStatus.RUNNING;
            exercise.anchor(r.scenarioMs(), event.at());
        } else if (e instanceof ExerciseEvent.SpeedChanged s) {
            exercise.speed = s.to();
            exercise.anchor(s.scenarioMs(), exercise.status == ExerciseStatus.RUNNING ? event.at() : null);
        } else if (e instanceof ExerciseEvent.Ended ended) {
            exercise.status = ExerciseStatus.ENDED;
            exercise.anchor(ended.scenarioMs(), null);
            exercise.endedAt = event.at();
            RoomTimer.cancel(room.id, TICK_TIMER, TICK_SUBJECT);
        } else if (e instanceof ExerciseEvent.Scheduled scheduled) {
            exercise.scheduledAt = scheduled.startsAt();
        } else if (e instanceof ExerciseEvent.ReportReleased) {
            exercise.reportReleasedAt = event.at();
        } else if (e instanceof ExerciseEvent.InjectDelivered d) {
            projectDelivery(room, event, d, scenario(exercise));
        } else if (e instanceof ExerciseEvent.ExpectationMet m) {
            settle(room.id, m.expectationId(), PlaybackState.Outcome.MET, event.seq(), m.scenarioMs());
        } else if (e instanceof ExerciseEvent.ExpectationMissed m) {
            settle(room.id, m.expectationId(), PlaybackState.Outcome.MISSED, event.seq(), m.dueScenarioMs());
        } else {
            projectImprovisation(room.id, event.seq(), e);
        }
    }

    private static void projectImprovisation(UUID roomId, long seq, ExerciseEvent e) {
        if (Improvisation.changes(e)) {
            InjectChangeRecord row = InjectChangeRecord.of(roomId, Improvisation.injectId(e), seq);
            row.set(Improvisation.applied(row.change(), e));
        }
    }

    @Override
    public Optional<RoomEvent.ScenarioBinding> binding(String scenarioId) {
        return catalog.current(scenarioId).map(entry -> new RoomEvent.ScenarioBinding(Sha256.hex(entry.text()), entry.scenario().title(),
                entry.scenario().summary(), entry.scenario().roles()));
    }

    /** The exercise, with the scenario text room.created names by its digest (a new version uploaded in between is refused). */
    private void createExercise(Room room, RoomEvent.RoomCreated created) {
        String scenarioId = created.scenarioId();
        ScenarioCatalog.Entry current = catalog.current(scenarioId)
                .orElseThrow(() -> SitroomException.notFound("no scenario '" + scenarioId + "'"));
        if (created.scenario() != null && !created.scenario().sha256().equals(Sha256.hex(current.text()))) {
            throw SitroomException.conflict("scenario '" + scenarioId + "' changed while the room opened; open it again");
        }
        Exercise exercise = new Exercise();
        exercise.roomId = room.id;
        exercise.scenarioId = scenarioId;
        exercise.scenarioYaml = current.text();
        exercise.scenarioVersion = current.version();
        exercise.status = ExerciseStatus.READY;
        exercise.speed = 1;
        exercise.anchor(0, null);
        exercise.persist();
    }

    private static void projectDelivery(Room room, RecordedEvent event, ExerciseEvent.InjectDelivered d, Scenario scenario) {
        DeliveredInject delivered = new DeliveredInject();
        delivered.roomId = room.id;
        delivered.injectId = d.injectId();
        delivered.seq = event.seq();
        delivered.scenarioMs = d.scenarioMs();
        delivered.deliveredAt = event.at();
        delivered.manual = d.manual();
        delivered.persist();
        // An added inject is not in the scenario and expects nothing; an edited one keeps its expectations.
        List<Scenario.Expectation> expectations = scenario.inject(d.injectId()).map(Scenario.Inject::expectations).orElse(List.of());
        for (Scenario.Expectation expectation : expectations) {
            ExpectationRecord record = new ExpectationRecord();
            record.roomId = room.id;
            record.expectationId = expectation.id();
            record.injectId = d.injectId();
            record.role = expectation.role().wire();
            record.outcome = PlaybackState.Outcome.PENDING;
            record.dueScenarioMs = d.scenarioMs() + expectation.within().toMillis();
            record.persist();
        }
    }

    private static void settle(UUID roomId, String expectationId, PlaybackState.Outcome outcome, long seq, long scenarioMs) {
        ExpectationRecord record = ExpectationRecord.findById(new ExpectationRecord.Key(roomId, expectationId));
        record.outcome = outcome;
        record.settledSeq = seq;
        record.settledScenarioMs = scenarioMs;
    }

    /**
     * After anything happens in an exercise room: expectations the new events meet, then whatever
     * is due by now (conditions may have come true). When nothing follows, the next tick is set.
     */
    @Override
    public List<NewEvent> react(Room room, List<RecordedEvent> appended, Instant now) {
        if (room.kind != RoomKind.EXERCISE) {
            return List.of();
        }
        Exercise exercise = Exercise.findById(room.id);
        if (exercise == null) {
            return List.of();
        }
        PlaybackState state = exercise.state();
        Scenario scenario = script(exercise, state);
        Facts facts = new Facts(room.id);
        long elapsed = state.clock().elapsedMs(now);
        // First what the new events achieved; once that is recorded, what is due (a met expectation may be a condition).
        List<NewEvent> events = new ArrayList<>();
        for (RecordedEvent e : appended) {
            events.addAll(PlaybackDecider.met(scenario, state, facts, e, elapsed));
        }
        events = distinctExpectations(events);
        if (events.isEmpty()) {
            events = PlaybackDecider.due(scenario, state, facts, elapsed);
        }
        if (events.isEmpty()) {
            scheduleNextTick(room.id, scenario, state);
        }
        return events;
    }

    /** Two events of one batch may meet the same expectation: it is met once. */
    private static List<NewEvent> distinctExpectations(List<NewEvent> events) {
        Set<String> seen = new java.util.HashSet<>();
        return events.stream().filter(e -> !(e.payload() instanceof ExerciseEvent.ExpectationMet m) || seen.add(m.expectationId())).toList();
    }

    @Override
    public List<NewEvent> onTimer(RoomTimer timer, RoomState room, Instant now) {
        if (!TICK_TIMER.equals(timer.kind)) {
            return List.of();
        }
        Exercise exercise = Exercise.findById(room.id());
        if (exercise == null) {
            return List.of();
        }
        PlaybackState state = exercise.state();
        Scenario scenario = script(exercise, state);
        List<NewEvent> due = PlaybackDecider.due(scenario, state, new Facts(room.id()), state.clock().elapsedMs(now));
        if (due.isEmpty()) {
            scheduleNextTick(room.id(), scenario, state);
        }
        return due;
    }

    private static void scheduleNextTick(UUID roomId, Scenario scenario, PlaybackState state) {
        Long nextMs = PlaybackDecider.nextDueMs(scenario, state);
        Instant at = nextMs == null ? null : state.clock().wallTimeOf(nextMs);
        if (at == null) {
            RoomTimer.cancel(roomId, TICK_TIMER, TICK_SUBJECT);
        } else {
            RoomTimer.schedule(roomId, TICK_TIMER, TICK_SUBJECT, at);
        }
    }

    /** The room's facts, read from its projections inside the current transaction. */
    private record Facts(UUID roomId) implements RoomFacts {

        @Override
        public boolean decisionSettled(boolean accepted, String titleContains) {
            DecisionState.Status wanted = accepted ? DecisionState.Status.ACCEPTED : DecisionState.Status.REJECTED;
            String needle = titleContains == null ? null : titleContains.toLowerCase();
            return Decision.ofRoom(roomId).stream().anyMatch(d -> (d.status == wanted
                    || (accepted && d.decidedAt != null && d.status != DecisionState.Status.REJECTED && d.status != DecisionState.Status.PROPOSED))
                    && (needle == null || d.title.toLowerCase().contains(needle)));
        }

        @Override
        public boolean roleHeld(Role role) {
            return RoomMember.ofRoom(roomId).stream().anyMatch(m -> m.roles.contains(role));
        }

        @Override
        public Set<Role> decisionApprovers(UUID decisionId) {
            Decision decision = Decision.inRoom(roomId, decisionId);
            return decision == null ? Set.of() : decision.approvers;
        }
    }

    /** Per inject, the roles that responded to it: for the facilitator's "not reacted" list (nobody else gets it). */
    private Map<String, Set<Role>> responded(UUID roomId, Viewer viewer) {
        if (!viewer.roles().contains(Role.FACILITATOR)) {
            return Map.of();
        }
        Map<String, Set<Role>> responded = new java.util.HashMap<>();
        for (RecordedEvent e : log.allOf(roomId, ExerciseEvent.InjectResponded.class)) {
            if (e.payload() instanceof ExerciseEvent.InjectResponded response && e.actor() != null) {
                responded.computeIfAbsent(response.injectId(), k -> java.util.EnumSet.noneOf(Role.class)).addAll(e.actor().roles());
            }
        }
        return responded;
    }

    /**
     * The roles that confirmed they are ready: all of them for the facilitator's communications check, a
     * player's own for theirs (another role's confirmation is not theirs to know).
     */
    private Set<Role> readyRoles(UUID roomId, Viewer viewer) {
        boolean facilitator = viewer.roles().contains(Role.FACILITATOR);
        Set<Role> ready = java.util.EnumSet.noneOf(Role.class);
        for (RecordedEvent e : log.allOf(roomId, ExerciseEvent.ReadyConfirmed.class)) {
            if (e.payload() instanceof ExerciseEvent.ReadyConfirmed confirmed) {
                confirmed.roles().stream().filter(r -> facilitator || viewer.roles().contains(r)).forEach(ready::add);
            }
        }
        return ready;
    }

    @Override
    public void addToSnapshot(UUID roomId, Viewer viewer, Map<String, Object> sections) {
        Exercise exercise = Exercise.findById(roomId);
        if (exercise != null) {
            sections.put("exercise", ExerciseView.of(Played.of(exercise, responded(roomId, viewer), readyRoles(roomId, viewer)),
                    scenario(exercise), viewer, clock.instant()));
        }
    }
}
