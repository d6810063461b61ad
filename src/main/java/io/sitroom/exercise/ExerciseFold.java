package io.sitroom.exercise;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.sitroom.exercise.PlaybackState.ExpectationState;
import io.sitroom.exercise.PlaybackState.InjectChange;
import io.sitroom.exercise.PlaybackState.Outcome;
import io.sitroom.role.Role;
import io.sitroom.room.EventPayload;
import io.sitroom.room.RoomEvent;
import io.sitroom.room.RoomKind;

/**
 * An exercise's play folded from its events, as {@link ExerciseFeature} projects them into its rows: the export's
 * verifier derives the exercise a facilitator's export shows from the events and the scenario the room played,
 * and {@code ExerciseProofTest} holds the two to each other. Pure.
 */
public final class ExerciseFold {

    /** One event of the room, in seq order; {@code actorRoles}: the roles its actor held then (empty for the server's own). */
    public record Step(long seq, Instant at, Set<Role> actorRoles, EventPayload payload) {
    }

    private ExerciseFold() {
    }

    /** The play of the exercise room these events are of, whose {@code stored} scenario is the one its room.created names. */
    public static Played of(List<Step> steps, Scenario stored) {
        String scenarioId = null;
        ExerciseStatus status = ExerciseStatus.READY;
        double speed = 1;
        long anchorMs = 0;
        Instant anchorAt = null;
        boolean released = false;
        Instant scheduledAt = null;
        Map<String, Long> delivered = new HashMap<>();
        Map<String, Long> deliveredSeq = new HashMap<>();
        Map<String, ExpectationState> expectations = new HashMap<>();
        Map<String, InjectChange> changes = new HashMap<>();
        Map<String, Set<Role>> responded = new HashMap<>();
        Set<Role> ready = EnumSet.noneOf(Role.class);
        for (Step step : steps) {
            EventPayload payload = step.payload();
            if (payload instanceof RoomEvent.RoomCreated created && created.roomKind() == RoomKind.EXERCISE) {
                scenarioId = created.scenarioId();
            } else if (payload instanceof ExerciseEvent.Started s) {
                status = ExerciseStatus.RUNNING;
                speed = s.speed();
                anchorMs = 0;
                anchorAt = step.at();
            } else if (payload instanceof ExerciseEvent.Paused p) {
                status = ExerciseStatus.PAUSED;
                anchorMs = p.scenarioMs();
                anchorAt = null;
            } else if (payload instanceof ExerciseEvent.Resumed r) {
                status = ExerciseStatus.RUNNING;
                anchorMs = r.scenarioMs();
                anchorAt = step.at();
            } else if (payload instanceof ExerciseEvent.SpeedChanged s) {
                speed = s.to();
                anchorMs = s.scenarioMs();
                anchorAt = status == ExerciseStatus.RUNNING ? step.at() : null;
            } else if (payload instanceof ExerciseEvent.Ended ended) {
                status = ExerciseStatus.ENDED;
                anchorMs = ended.scenarioMs();
                anchorAt = null;
            } else if (payload instanceof ExerciseEvent.Scheduled scheduled) {
                scheduledAt = scheduled.startsAt();
            } else if (payload instanceof ExerciseEvent.ReportReleased) {
                released = true;
            } else if (payload instanceof ExerciseEvent.InjectDelivered d) {
                delivered.put(d.injectId(), d.scenarioMs());
                deliveredSeq.put(d.injectId(), step.seq());
                // As the projection: an added inject is not in the scenario and expects nothing; an edited one keeps its expectations.
                for (Scenario.Expectation e : stored.inject(d.injectId()).map(Scenario.Inject::expectations).orElse(List.of())) {
                    expectations.put(e.id(), new ExpectationState(Outcome.PENDING, d.scenarioMs() + e.within().toMillis()));
                }
            } else if (payload instanceof ExerciseEvent.ExpectationMet m) {
                settle(expectations, m.expectationId(), Outcome.MET);
            } else if (payload instanceof ExerciseEvent.ExpectationMissed m) {
                settle(expectations, m.expectationId(), Outcome.MISSED);
            } else if (payload instanceof ExerciseEvent.InjectResponded response) {
                responded.computeIfAbsent(response.injectId(), id -> EnumSet.noneOf(Role.class)).addAll(step.actorRoles());
            } else if (payload instanceof ExerciseEvent.ReadyConfirmed confirmed) {
                ready.addAll(confirmed.roles());
            } else if (payload instanceof ExerciseEvent e && Improvisation.changes(e)) {
                String injectId = Improvisation.injectId(e);
                changes.put(injectId, Improvisation.applied(changes.getOrDefault(injectId, Improvisation.unchanged(step.seq())), e));
            }
        }
        ScenarioClock clock = new ScenarioClock(status, speed, anchorMs, anchorAt);
        return new Played(new PlaybackState(scenarioId, clock, delivered, expectations, changes), released, scheduledAt, deliveredSeq,
                responded, ready);
    }

    /**
     * The scenario as far as a player's events show it: what {@code room.created} records of it (title, summary, player
     * roles) and the injects that reached the player, as delivered (an inject is never changed once delivered). A
     * player's view of the exercise ({@link ExerciseView}) shows nothing else of the script, so it is made from this
     * as from the whole scenario.
     */
    public static Scenario seenByPlayer(String scenarioId, RoomEvent.ScenarioBinding binding, List<Step> steps) {
        List<Scenario.Inject> delivered = steps.stream().map(Step::payload).filter(ExerciseEvent.InjectDelivered.class::isInstance)
                .map(ExerciseEvent.InjectDelivered.class::cast)
                .map(d -> new Scenario.Inject(d.injectId(), d.title(), d.body(), d.to(), new Scenario.Timing.Manual(), d.prompts(), null,
                        List.of(), d.medium()))
                .toList();
        return new Scenario(scenarioId, binding.title(), binding.summary(), java.time.Duration.ZERO, binding.roles(), List.of(), delivered,
                List.of());
    }

    private static void settle(Map<String, ExpectationState> expectations, String expectationId, Outcome outcome) {
        ExpectationState pending = expectations.get(expectationId);
        if (pending == null) {
            throw new IllegalStateException("expectation " + expectationId + " is settled before its inject was delivered");
        }
        expectations.put(expectationId, new ExpectationState(outcome, pending.dueScenarioMs()));
    }
}
