package io.sitroom.exercise;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.sitroom.exercise.Scenario.Inject;
import io.sitroom.role.Role;
import io.sitroom.room.HashChain;
import io.sitroom.room.Viewer;

/**
 * An exercise as one viewer sees it: the facilitator gets the whole script (upcoming injects,
 * notes, every expectation, who has not reacted); a player gets the injects delivered to their roles.
 * {@code reportReleased}: whether the facilitator released the after-action report (and the score) to everyone;
 * {@code startsAt}: when it is planned to start (null: not scheduled); {@code commsCheck}: for the facilitator,
 * which of the scenario's roles confirmed they are ready. {@code readyRoles} and {@code notReadyRoles}: for anyone
 * else, the same check for the viewer's own roles only (those the scenario has), so a player knows after a reload
 * whether they confirmed; never another role's.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExerciseView(String scenarioId, String title, String summary, String status, boolean reportReleased, double speed,
        long elapsedMs, Anchor clock, List<InjectStatus> injects, List<ExpectationStatus> expectations, List<NotReacted> notReacted,
        List<String> debrief, String startsAt, ExerciseSchedule.CommsCheck commsCheck, List<String> readyRoles,
        List<String> notReadyRoles) {

    /**
     * The scenario clock's anchor: scenario time {@code scenarioMs} at wall time {@code at} (null unless
     * running). {@code elapsedMs} is this reading at the snapshot's moment, which a client is not told;
     * with the anchor it reads the clock at any time as {@link ScenarioClock#elapsedMs} does, and the
     * playback events (started, paused, resumed, speed_changed, ended) move the anchor as the server's
     * projection does.
     */
    public record Anchor(long scenarioMs, String at) {
    }

    /**
     * {@code status}: delivered, upcoming or (the facilitator's view only) dropped. {@code improvised}, for
     * the facilitator only: "added" (not in the scenario), "changed" (edited or moved), "dropped". {@code medium}:
     * how it reaches the players (a news article, an e-mail, ...; left out for a plain message), for
     * whoever sees the inject.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record InjectStatus(String id, String title, String body, List<String> to, List<String> prompts, String status,
            Long deliveredAtMs, Long dueAtMs, ScenarioView.TimingView timing, String facilitatorNotes, String improvised, Medium medium) {
    }

    /**
     * {@code description}: what is expected, in words ("incident_commander to assign legal within 10 min of ...");
     * {@code withinMs}: how long after its inject's delivery it falls due, so a client that sees the
     * delivery can set {@code dueAtMs} itself.
     */
    public record ExpectationStatus(String id, String injectId, String role, String action, String objective, String description,
            long withinMs, String status, Long dueAtMs) {
    }

    public record NotReacted(String injectId, List<String> roles) {
    }

    /**
     * The exercise as {@code viewer} sees it at {@code now}, from its {@code stored} scenario (the facilitator's
     * changes are applied here) and what its events say ({@code played}: the facilitator's "not reacted" list needs
     * {@code responded}; the communications check {@code readyRoles}, of which a player gets their own part). Pure.
     */
    public static ExerciseView of(Played played, Scenario stored, Viewer viewer, Instant now) {
        Map<String, Set<Role>> responded = played.responded();
        Set<Role> readyRoles = played.readyRoles();
        PlaybackState state = played.state();
        Scenario scenario = Improvisation.script(stored, state.changes());
        long elapsed = state.clock().elapsedMs(now);
        boolean facilitator = viewer.roles().contains(Role.FACILITATOR);
        List<InjectStatus> injects = new ArrayList<>();
        for (Inject inject : listed(stored, scenario, state)) {
            PlaybackState.InjectChange change = state.changes().get(inject.id());
            if (change != null && change.dropped()) {
                if (facilitator) {
                    injects.add(new InjectStatus(inject.id(), inject.title(), inject.body(), names(inject.to()), inject.prompts(), "dropped",
                            null, null, ScenarioView.timing(inject.timing()), inject.facilitatorNotes(), "dropped", inject.medium()));
                }
                continue;
            }
            Long deliveredAt = state.delivered().get(inject.id());
            boolean forViewer = facilitator || inject.to().stream().anyMatch(viewer.roles()::contains);
            String improvised = facilitator ? improvised(state.changes().get(inject.id())) : null;
            if (deliveredAt != null && forViewer) {
                injects.add(new InjectStatus(inject.id(), inject.title(), inject.body(), names(inject.to()), inject.prompts(), "delivered",
                        deliveredAt, null, facilitator ? ScenarioView.timing(inject.timing()) : null,
                        facilitator ? inject.facilitatorNotes() : null, improvised, inject.medium()));
            } else if (deliveredAt == null && facilitator) {
                injects.add(new InjectStatus(inject.id(), inject.title(), inject.body(), names(inject.to()), inject.prompts(), "upcoming",
                        null, plannedAt(inject, state), ScenarioView.timing(inject.timing()), inject.facilitatorNotes(), improvised,
                        inject.medium()));
            }
        }
        ScenarioClock clock = state.clock();
        Anchor anchor = new Anchor(clock.anchorScenarioMs(), clock.anchorAt() == null ? null : HashChain.formatTime(clock.anchorAt()));
        if (!facilitator) {
            // A player knows only what reached it, so its injects go in the order they were delivered
            // (the scenario's order is the facilitator's to know): a client appends each delivery.
            Map<String, Long> deliveredSeq = played.deliveredSeq();
            injects.sort(Comparator.comparingLong(i -> deliveredSeq.getOrDefault(i.id(), Long.MAX_VALUE)));
            Set<Role> own = EnumSet.noneOf(Role.class);
            scenario.roles().stream().filter(viewer.roles()::contains).forEach(own::add);
            ExerciseSchedule.CommsCheck mine = ExerciseSchedule.CommsCheck.of(own, readyRoles == null ? Set.of() : readyRoles);
            return new ExerciseView(state.scenarioId(), scenario.title(), scenario.summary(), clock.status().wire(),
                    played.reportReleased(), clock.speed(), elapsed, anchor, injects, null, null, null, startsAt(played), null,
                    mine.ready(), mine.notReady());
        }
        List<ExpectationStatus> expectations = new ArrayList<>();
        for (Inject inject : scenario.injects()) {
            for (Scenario.Expectation e : inject.expectations()) {
                PlaybackState.ExpectationState s = state.expectations().get(e.id());
                expectations.add(new ExpectationStatus(e.id(), inject.id(), e.role().wire(), e.action().wire(), e.objective(),
                        AfterActionReport.describe(e, inject), e.within().toMillis(), s == null ? "not_started" : s.outcome().wire(),
                        s == null ? null : s.dueScenarioMs()));
            }
        }
        return new ExerciseView(state.scenarioId(), scenario.title(), scenario.summary(), clock.status().wire(),
                played.reportReleased(), clock.speed(), elapsed, anchor, injects, expectations,
                notReacted(scenario, state, responded), scenario.debrief(), startsAt(played),
                ExerciseSchedule.CommsCheck.of(scenario.roles(), readyRoles == null ? Set.of() : readyRoles), null, null);
    }

    /**
     * The script, with each dropped scenario inject where the scenario file has it, as it stood when it
     * was dropped (its edits and move applied): what a client that followed the events holds.
     */
    private static List<Inject> listed(Scenario stored, Scenario script, PlaybackState state) {
        List<Inject> listed = new ArrayList<>();
        Set<String> scenarioIds = new java.util.HashSet<>();
        for (Inject inject : stored.injects()) {
            scenarioIds.add(inject.id());
            PlaybackState.InjectChange change = state.changes().get(inject.id());
            listed.add(change != null && change.dropped() ? Improvisation.changed(inject, change) : script.inject(inject.id()).orElseThrow());
        }
        script.injects().stream().filter(i -> !scenarioIds.contains(i.id())).forEach(listed::add);
        return listed;
    }

    private static String startsAt(Played played) {
        return played.scheduledAt() == null ? null : HashChain.formatTime(played.scheduledAt());
    }

    private static String improvised(PlaybackState.InjectChange change) {
        if (change == null) {
            return null;
        }
        return change.added() ? "added" : "changed";
    }

    /** When a timed inject is planned, in scenario time, if that can be known yet. */
    private static Long plannedAt(Inject inject, PlaybackState state) {
        if (inject.timing() instanceof Scenario.Timing.At at) {
            return at.offset().toMillis();
        } else if (inject.timing() instanceof Scenario.Timing.After after && state.delivered().containsKey(after.injectId())) {
            return state.delivered().get(after.injectId()) + after.delay().toMillis();
        }
        return null;
    }

    /**
     * For each delivered inject, the roles it went to that have not responded to it, whether or not
     * someone holds them now: a role nobody plays is silent too, and a client that follows the events
     * can tell who responded but not whether a role released before its snapshot had.
     */
    private static List<NotReacted> notReacted(Scenario scenario, PlaybackState state, Map<String, Set<Role>> responded) {
        List<NotReacted> result = new ArrayList<>();
        for (Inject inject : scenario.injects()) {
            if (state.delivered().containsKey(inject.id())) {
                Set<Role> silent = EnumSet.copyOf(inject.to());
                silent.removeAll(responded.getOrDefault(inject.id(), Set.of()));
                if (!silent.isEmpty()) {
                    result.add(new NotReacted(inject.id(), names(silent)));
                }
            }
        }
        return result;
    }

    private static List<String> names(Set<Role> roles) {
        return roles.stream().map(Role::wire).sorted().toList();
    }
}
