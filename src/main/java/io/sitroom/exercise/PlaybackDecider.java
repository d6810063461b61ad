package io.sitroom.exercise;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.sitroom.comms.CommsEvent;
import io.sitroom.decision.DecisionEvent;
import io.sitroom.error.SitroomException;
import io.sitroom.exercise.PlaybackState.ExpectationState;
import io.sitroom.exercise.PlaybackState.Outcome;
import io.sitroom.exercise.Scenario.Condition;
import io.sitroom.exercise.Scenario.Expectation;
import io.sitroom.exercise.Scenario.Inject;
import io.sitroom.exercise.Scenario.Timing;
import io.sitroom.membership.RoleEvent;
import io.sitroom.role.Role;
import io.sitroom.room.CommandContext;
import io.sitroom.room.EventPayload;
import io.sitroom.room.NewEvent;
import io.sitroom.room.RecordedEvent;

/**
 * Plays a scenario: the facilitator's controls, which injects and missed expectations are due at a
 * scenario time, and which events meet a pending expectation. Pure: the caller supplies the
 * scenario, the playback state, the room's facts and the time.
 */
public final class PlaybackDecider {

    private static final Set<Role> FACILITATOR_ONLY = Set.of(Role.FACILITATOR);

    private PlaybackDecider() {
    }

    // --- the facilitator's controls

    public static List<NewEvent> start(ExerciseCommand.Start c, CommandContext context, PlaybackState state) {
        if (state.status() != ExerciseStatus.READY) {
            throw SitroomException.conflict("the exercise has already been started");
        }
        return List.of(NewEvent.forEveryone(new ExerciseEvent.Started(state.scenarioId(), c.speed() == null ? 1 : c.speed())));
    }

    public static List<NewEvent> pause(CommandContext context, PlaybackState state) {
        requireStatus(state, ExerciseStatus.RUNNING, "pause");
        return List.of(NewEvent.forEveryone(new ExerciseEvent.Paused(state.clock().elapsedMs(context.now()))));
    }

    public static List<NewEvent> resume(CommandContext context, PlaybackState state) {
        requireStatus(state, ExerciseStatus.PAUSED, "resume");
        return List.of(NewEvent.forEveryone(new ExerciseEvent.Resumed(state.clock().elapsedMs(context.now()))));
    }

    public static List<NewEvent> speed(ExerciseCommand.ChangeSpeed c, CommandContext context, PlaybackState state) {
        if (state.status() == ExerciseStatus.ENDED) {
            throw SitroomException.conflict("the exercise has ended");
        }
        if (state.clock().speed() == c.speed()) {
            throw SitroomException.conflict("the speed is already " + c.speed());
        }
        return List.of(NewEvent.forEveryone(new ExerciseEvent.SpeedChanged(state.clock().speed(), c.speed(),
                state.clock().elapsedMs(context.now()))));
    }

    public static List<NewEvent> end(CommandContext context, PlaybackState state) {
        if (state.status() == ExerciseStatus.ENDED) {
            throw SitroomException.conflict("the exercise has already ended");
        }
        return List.of(NewEvent.forEveryone(new ExerciseEvent.Ended(state.clock().elapsedMs(context.now()))));
    }

    /**
     * Releases the after-action report to every member: only once the exercise has ended (before, the
     * score is still moving and players would read expectations while they can still meet them), and once.
     */
    public static List<NewEvent> releaseReport(PlaybackState state, boolean released) {
        if (state.status() != ExerciseStatus.ENDED) {
            throw SitroomException.conflict("the report is released after the exercise has ended (it is " + state.status().wire() + ")");
        }
        if (released) {
            throw SitroomException.conflict("the report has already been released");
        }
        return List.of(NewEvent.forEveryone(new ExerciseEvent.ReportReleased(state.clock().anchorScenarioMs())));
    }

    /** Delivers an inject now, whatever its timing; its expectations start now. */
    public static List<NewEvent> deliverNow(ExerciseCommand.Deliver c, CommandContext context, Scenario scenario, PlaybackState state) {
        if (state.status() != ExerciseStatus.RUNNING && state.status() != ExerciseStatus.PAUSED) {
            throw SitroomException.conflict("injects are delivered while the exercise runs (it is " + state.status().wire() + ")");
        }
        Inject inject = scenario.inject(c.injectId())
                .orElseThrow(() -> SitroomException.notFound("the scenario has no inject '" + c.injectId() + "'"));
        if (state.delivered().containsKey(inject.id())) {
            throw SitroomException.conflict("inject '" + inject.id() + "' was already delivered");
        }
        return List.of(delivery(inject, state.clock().elapsedMs(context.now()), true));
    }

    /**
     * A player answers an inject their role received. An inject that is not in the scenario, not yet
     * delivered, or delivered to other roles gets one and the same refusal ({@code forbidden}, as for any
     * command a role may not issue): a player must not learn from it which injects others got, or which
     * are still to come.
     */
    public static List<NewEvent> respond(ExerciseCommand.Respond c, CommandContext context, Scenario scenario, PlaybackState state) {
        Set<Role> roles = context.actor().roles();
        Inject inject = scenario.inject(c.injectId())
                .filter(i -> state.delivered().containsKey(i.id()) && roles.stream().anyMatch(i.to()::contains))
                .orElseThrow(() -> SitroomException.forbidden("'" + c.injectId() + "' is not an inject delivered to your roles"));
        return List.of(new NewEvent(new ExerciseEvent.InjectResponded(inject.id(), c.text()), inject.to()));
    }

    private static void requireStatus(PlaybackState state, ExerciseStatus wanted, String verb) {
        if (state.status() != wanted) {
            throw SitroomException.conflict("cannot " + verb + " an exercise that is " + state.status().wire());
        }
    }

    // --- the engine

    /**
     * Everything due by {@code elapsedMs} of scenario time, replayed in the order it fell due: each
     * inject at its planned time (an offset, or its predecessor's time plus the delay; a conditional
     * inject when its condition came true), each pending expectation missed at its deadline. Catching
     * up after a pause in ticking (a restart, a coarse poll) thus gives the same outcome as perfect
     * timing. Nothing happens while the exercise is not running.
     */
    public static List<NewEvent> due(Scenario scenario, PlaybackState state, RoomFacts facts, long elapsedMs) {
        if (state.status() != ExerciseStatus.RUNNING) {
            return List.of();
        }
        Map<String, Long> delivered = new HashMap<>(state.delivered());
        Map<String, ExpectationState> expectations = new HashMap<>(state.expectations());
        List<NewEvent> events = new ArrayList<>();
        while (true) {
            Inject nextInject = null;
            long nextInjectAt = Long.MAX_VALUE;
            for (Inject inject : scenario.injects()) {
                if (!delivered.containsKey(inject.id())) {
                    Long at = plannedAt(inject, delivered, expectations, facts, elapsedMs);
                    if (at != null && at <= elapsedMs && at < nextInjectAt) {
                        nextInject = inject;
                        nextInjectAt = at;
                    }
                }
            }
            Expectation nextMiss = null;
            long nextMissAt = Long.MAX_VALUE;
            for (Expectation expectation : scenario.expectations()) {
                ExpectationState current = expectations.get(expectation.id());
                if (current != null && current.outcome() == Outcome.PENDING && current.dueScenarioMs() <= elapsedMs
                        && current.dueScenarioMs() < nextMissAt) {
                    nextMiss = expectation;
                    nextMissAt = current.dueScenarioMs();
                }
            }
            if (nextInject == null && nextMiss == null) {
                return events;
            }
            if (nextInject != null && nextInjectAt <= nextMissAt) {
                long at = nextInjectAt;
                events.add(delivery(nextInject, at, false));
                delivered.put(nextInject.id(), at);
                nextInject.expectations().forEach(e -> expectations.put(e.id(), new ExpectationState(Outcome.PENDING, at + e.within().toMillis())));
            } else {
                String injectId = scenario.injectOf(nextMiss.id()).map(Inject::id).orElse(null);
                events.add(new NewEvent(new ExerciseEvent.ExpectationMissed(nextMiss.id(), injectId, nextMiss.role(), nextMiss.action().wire(),
                        nextMissAt), FACILITATOR_ONLY));
                expectations.put(nextMiss.id(), new ExpectationState(Outcome.MISSED, nextMissAt));
            }
        }
    }

    /** The scenario time at which something will next fall due by time alone; null when nothing will. */
    public static Long nextDueMs(Scenario scenario, PlaybackState state) {
        if (state.status() != ExerciseStatus.RUNNING) {
            return null;
        }
        Long next = null;
        for (Inject inject : scenario.injects()) {
            if (state.delivered().containsKey(inject.id())) {
                continue;
            }
            Long at = null;
            if (inject.timing() instanceof Timing.At t) {
                at = t.offset().toMillis();
            } else if (inject.timing() instanceof Timing.After t && state.delivered().containsKey(t.injectId())) {
                at = state.delivered().get(t.injectId()) + t.delay().toMillis();
            }
            next = min(next, at);
        }
        for (ExpectationState e : state.expectations().values()) {
            if (e.outcome() == Outcome.PENDING) {
                next = min(next, e.dueScenarioMs());
            }
        }
        return next;
    }

    /** The pending expectations that an event meets in time (one past its deadline is missed, however close). */
    public static List<NewEvent> met(Scenario scenario, PlaybackState state, RoomFacts facts, RecordedEvent event, long elapsedMs) {
        if (event.actor() == null || state.status() == ExerciseStatus.READY || state.status() == ExerciseStatus.ENDED) {
            return List.of();
        }
        Set<Role> actorRoles = event.actor().roles();
        List<NewEvent> events = new ArrayList<>();
        for (Inject inject : scenario.injects()) {
            for (Expectation e : inject.expectations()) {
                ExpectationState current = state.expectations().get(e.id());
                if (current != null && current.outcome() == Outcome.PENDING && current.dueScenarioMs() >= elapsedMs
                        && actorRoles.contains(e.role()) && meets(e, inject, event.payload(), facts)) {
                    events.add(new NewEvent(new ExerciseEvent.ExpectationMet(e.id(), inject.id(), e.role(), e.action().wire(),
                            event.seq(), elapsedMs), FACILITATOR_ONLY));
                }
            }
        }
        return events;
    }

    static boolean meets(Expectation e, Inject inject, EventPayload payload, RoomFacts facts) {
        return switch (e.action()) {
            case ASSIGN_ROLE -> payload instanceof RoleEvent.Assigned assigned && assigned.role() == e.assigns()
                    || payload instanceof RoleEvent.HandedOver handedOver && handedOver.role() == e.assigns();
            case PROPOSE_DECISION -> payload instanceof DecisionEvent.Proposed proposed && proposed.approvers().containsAll(e.approvers());
            case ACCEPT_DECISION -> payload instanceof DecisionEvent.Accepted accepted
                    && facts.decisionApprovers(accepted.decisionId()).containsAll(e.approvers());
            case POST_UPDATE -> payload instanceof CommsEvent.UpdatePosted posted && posted.audience() == e.audience();
            case APPROVE_STATEMENT -> payload instanceof CommsEvent.StatementApproved;
            case PUBLISH_STATEMENT -> payload instanceof CommsEvent.StatementPublished;
            case ACKNOWLEDGE -> payload instanceof ExerciseEvent.InjectResponded responded && inject.id().equals(responded.injectId());
        };
    }

    /**
     * When an undelivered inject is (or was) due in scenario time, or null if not yet: its offset; its
     * predecessor's delivery plus the delay; for a condition, when it came true (a missed
     * expectation's deadline), else now.
     */
    private static Long plannedAt(Inject inject, Map<String, Long> delivered, Map<String, ExpectationState> expectations, RoomFacts facts,
            long elapsedMs) {
        Timing timing = inject.timing();
        if (timing instanceof Timing.At at) {
            return at.offset().toMillis();
        } else if (timing instanceof Timing.After after) {
            Long parent = delivered.get(after.injectId());
            return parent == null ? null : parent + after.delay().toMillis();
        } else if (timing instanceof Timing.When when) {
            Long parent = when.afterInjectId() == null ? Long.valueOf(0) : delivered.get(when.afterInjectId());
            if (parent == null || !holds(when.condition(), expectations, facts)) {
                return null;
            }
            long since = when.condition() instanceof Condition.ExpectationMissed missed
                    ? expectations.get(missed.expectationId()).dueScenarioMs()
                    : elapsedMs;
            return Math.max(parent, since);
        }
        return null;
    }

    private static boolean holds(Condition condition, Map<String, ExpectationState> expectations, RoomFacts facts) {
        if (condition instanceof Condition.Decision d) {
            return facts.decisionSettled(d.accepted(), d.titleContains());
        } else if (condition instanceof Condition.RoleAssigned r) {
            return facts.roleHeld(r.role());
        } else if (condition instanceof Condition.ExpectationMet m) {
            ExpectationState state = expectations.get(m.expectationId());
            return state != null && state.outcome() == Outcome.MET;
        }
        ExpectationState state = expectations.get(((Condition.ExpectationMissed) condition).expectationId());
        return state != null && state.outcome() == Outcome.MISSED;
    }

    private static NewEvent delivery(Inject inject, long elapsedMs, boolean manual) {
        return new NewEvent(new ExerciseEvent.InjectDelivered(inject.id(), inject.title(), inject.body(), inject.to(), inject.prompts(),
                elapsedMs, manual, inject.medium()), inject.to());
    }

    private static Long min(Long a, Long b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return Math.min(a, b);
    }

}
