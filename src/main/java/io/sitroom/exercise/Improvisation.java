package io.sitroom.exercise;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.sitroom.error.SitroomException;
import io.sitroom.exercise.PlaybackState.InjectChange;
import io.sitroom.exercise.Scenario.Inject;
import io.sitroom.exercise.Scenario.Timing;
import io.sitroom.role.Role;
import io.sitroom.room.CommandContext;
import io.sitroom.room.NewEvent;

/**
 * The facilitator improvises (issue 18, item 3): adds an inject, edits, drops or moves an upcoming
 * one. Pure: decides the commands from the scenario and the playback state, and gives the script the
 * engine plays (the scenario with the changes applied). Every change is for the facilitator's eyes
 * only; players learn of an inject when it is delivered, as it then stands.
 */
public final class Improvisation {

    private static final Set<Role> FACILITATOR_ONLY = Set.of(Role.FACILITATOR);

    private Improvisation() {
    }

    /**
     * The script as it now stands: the scenario's injects, edited or moved as changed, without the
     * dropped ones, then the added ones in the order they were added.
     */
    public static Scenario script(Scenario scenario, Map<String, InjectChange> changes) {
        if (changes.isEmpty()) {
            return scenario;
        }
        List<Inject> injects = new ArrayList<>();
        for (Inject inject : scenario.injects()) {
            InjectChange change = changes.get(inject.id());
            if (change == null) {
                injects.add(inject);
            } else if (!change.dropped()) {
                injects.add(changed(inject, change));
            }
        }
        changes.entrySet().stream()
                .filter(e -> e.getValue().added() && !e.getValue().dropped())
                .sorted(java.util.Comparator.comparingLong(e -> e.getValue().seq()))
                .forEach(e -> injects.add(added(e.getKey(), e.getValue())));
        return new Scenario(scenario.id(), scenario.title(), scenario.summary(), scenario.duration(), scenario.roles(), scenario.objectives(),
                List.copyOf(injects), scenario.debrief());
    }

    /** What an inject's first change starts from: as in the scenario, first changed at {@code seq}. */
    static InjectChange unchanged(long seq) {
        return new InjectChange(seq, false, false, null, null, null, null, null, null);
    }

    /** Whether the event is one of the facilitator's changes to an inject. */
    static boolean changes(ExerciseEvent e) {
        return e instanceof ExerciseEvent.InjectAdded || e instanceof ExerciseEvent.InjectEdited || e instanceof ExerciseEvent.InjectDropped
                || e instanceof ExerciseEvent.InjectMoved;
    }

    /** The inject one of the facilitator's changes is of. */
    static String injectId(ExerciseEvent e) {
        if (e instanceof ExerciseEvent.InjectAdded a) {
            return a.injectId();
        } else if (e instanceof ExerciseEvent.InjectEdited edited) {
            return edited.injectId();
        } else if (e instanceof ExerciseEvent.InjectDropped d) {
            return d.injectId();
        }
        return ((ExerciseEvent.InjectMoved) e).injectId();
    }

    /**
     * An inject's change after one of the facilitator's events ({@code inject.added}, {@code inject.edited},
     * {@code inject.dropped}, {@code inject.moved}); any other event leaves it as it is. What the server's projection
     * stores, and what the export's verifier folds ({@link ExerciseFold}).
     */
    static InjectChange applied(InjectChange c, ExerciseEvent e) {
        if (e instanceof ExerciseEvent.InjectAdded a) {
            return new InjectChange(c.seq(), true, c.dropped(), a.title(), a.body(), a.to(), a.prompts(), a.atMs(), a.medium());
        } else if (e instanceof ExerciseEvent.InjectEdited ed) {
            return new InjectChange(c.seq(), c.added(), c.dropped(), or(ed.title(), c.title()), or(ed.body(), c.body()), or(ed.to(), c.to()),
                    or(ed.prompts(), c.prompts()), c.atMs(), or(ed.medium(), c.medium()));
        } else if (e instanceof ExerciseEvent.InjectDropped) {
            return new InjectChange(c.seq(), c.added(), true, c.title(), c.body(), c.to(), c.prompts(), c.atMs(), c.medium());
        } else if (e instanceof ExerciseEvent.InjectMoved m) {
            return new InjectChange(c.seq(), c.added(), c.dropped(), c.title(), c.body(), c.to(), c.prompts(), m.atMs(), c.medium());
        }
        return c;
    }

    static Inject changed(Inject inject, InjectChange change) {
        return new Inject(inject.id(), or(change.title(), inject.title()), or(change.body(), inject.body()), or(change.to(), inject.to()),
                change.atMs() == null ? inject.timing() : at(change.atMs()),
                or(change.prompts(), inject.prompts()), inject.facilitatorNotes(), inject.expectations(), or(change.medium(), inject.medium()));
    }

    private static Inject added(String id, InjectChange change) {
        return new Inject(id, change.title(), change.body(), change.to(), change.atMs() == null ? new Timing.Manual() : at(change.atMs()),
                change.prompts(), null, List.of(), change.medium());
    }

    private static Timing at(long ms) {
        return new Timing.At(Duration.ofMillis(ms));
    }

    private static <T> T or(T changed, T original) {
        return changed == null ? original : changed;
    }

    // --- the commands

    public static List<NewEvent> add(ExerciseCommand.AddInject c, CommandContext context, Scenario scenario, PlaybackState state) {
        long now = requirePlay(state, context);
        String id = c.injectId() == null ? nextId(scenario, state) : c.injectId();
        if (scenario.inject(id).isPresent() || state.changes().containsKey(id)) {
            throw SitroomException.conflict("the exercise already has an inject '" + id + "'");
        }
        requireRoles(c.to(), scenario);
        requireNotPast(c.atMs(), now);
        return List.of(forFacilitator(new ExerciseEvent.InjectAdded(id, c.title(), c.body(), c.to(), c.prompts(), c.atMs(), now, c.medium())));
    }

    public static List<NewEvent> edit(ExerciseCommand.EditInject c, CommandContext context, Scenario scenario, PlaybackState state) {
        long now = requirePlay(state, context);
        upcoming(c.injectId(), scenario, state);
        if (c.to() != null) {
            requireRoles(c.to(), scenario);
        }
        return List.of(forFacilitator(new ExerciseEvent.InjectEdited(c.injectId(), c.title(), c.body(), c.to(), c.prompts(), now, c.medium())));
    }

    public static List<NewEvent> drop(ExerciseCommand.DropInject c, CommandContext context, Scenario scenario, PlaybackState state) {
        long now = requirePlay(state, context);
        upcoming(c.injectId(), scenario, state);
        return List.of(forFacilitator(new ExerciseEvent.InjectDropped(c.injectId(), now)));
    }

    public static List<NewEvent> move(ExerciseCommand.MoveInject c, CommandContext context, Scenario scenario, PlaybackState state) {
        long now = requirePlay(state, context);
        Inject inject = upcoming(c.injectId(), scenario, state);
        requireNotPast(c.atMs(), now);
        Long from = inject.timing() instanceof Timing.At at ? Long.valueOf(at.offset().toMillis()) : null;
        if (from != null && from == c.atMs().longValue()) {
            throw SitroomException.conflict("inject '" + inject.id() + "' is already due at " + c.atMs() + " ms");
        }
        return List.of(forFacilitator(new ExerciseEvent.InjectMoved(inject.id(), from, c.atMs(), now)));
    }

    /** The scenario time now; refused once the exercise has ended (improvising before the start is allowed). */
    private static long requirePlay(PlaybackState state, CommandContext context) {
        if (state.status() == ExerciseStatus.ENDED) {
            throw SitroomException.conflict("the exercise has ended");
        }
        return state.clock().elapsedMs(context.now());
    }

    /** An inject of the script (the scenario with its changes) that has not been delivered. */
    private static Inject upcoming(String injectId, Scenario script, PlaybackState state) {
        Inject inject = script.inject(injectId)
                .orElseThrow(() -> SitroomException.notFound("the exercise has no upcoming inject '" + injectId + "'"));
        if (state.delivered().containsKey(injectId)) {
            throw SitroomException.conflict("inject '" + injectId + "' was already delivered");
        }
        return inject;
    }

    private static void requireRoles(Set<Role> to, Scenario scenario) {
        for (Role role : to) {
            if (!scenario.roles().contains(role)) {
                throw SitroomException.invalid("role '" + role.wire() + "' is not a role of this scenario");
            }
        }
    }

    private static void requireNotPast(Long atMs, long now) {
        if (atMs != null && atMs < now) {
            throw SitroomException.invalid("atMs " + atMs + " is before the scenario time now (" + now
                    + " ms); to deliver an inject now use exercise.inject");
        }
    }

    /** The first free "improvised-NNN". */
    private static String nextId(Scenario scenario, PlaybackState state) {
        long added = state.changes().values().stream().filter(InjectChange::added).count();
        for (long n = added + 1;; n++) {
            String id = String.format("improvised-%03d", n);
            if (scenario.inject(id).isEmpty() && !state.changes().containsKey(id)) {
                return id;
            }
        }
    }

    private static NewEvent forFacilitator(ExerciseEvent event) {
        return new NewEvent(event, FACILITATOR_ONLY);
    }
}
