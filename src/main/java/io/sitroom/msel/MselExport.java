package io.sitroom.msel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.sitroom.exercise.Scenario;
import io.sitroom.exercise.Scenario.Condition;
import io.sitroom.exercise.Scenario.Expectation;
import io.sitroom.exercise.Scenario.Inject;
import io.sitroom.exercise.Scenario.Timing;
import io.sitroom.role.Role;

/**
 * A scenario as its master scenario events list: one MSEL row per inject (facilitator material: the
 * notes and expectations are in it), and the Scenario sheet with what is not an inject. Pure.
 */
public final class MselExport {

    /** The sender column: the scenario format has no sender of its own, so every inject comes from exercise control. */
    static final String FROM_CONTROL = "Exercise control";
    /** The delivery column: every inject is a message in the room. */
    static final String DELIVERY_ROOM = "room message";
    static final List<String> SCENARIO_HEADER = List.of("Field", "Value", "Text", "Capability");

    private MselExport() {
    }

    public static MselTable table(Scenario s) {
        Map<String, Scenario.Objective> objectives = s.objectives().stream()
                .collect(Collectors.toMap(Scenario.Objective::id, Function.identity(), (a, b) -> a));
        List<MselTable.Row> msel = new ArrayList<>();
        msel.add(new MselTable.Row(1, Arrays.stream(MselColumn.values()).map(MselColumn::header).toList()));
        for (int i = 0; i < s.injects().size(); i++) {
            msel.add(new MselTable.Row(i + 2, injectRow(i + 1, s.injects().get(i), objectives)));
        }
        List<MselTable.Row> scenario = new ArrayList<>();
        scenario.add(new MselTable.Row(1, SCENARIO_HEADER));
        scenario.add(field(scenario, "id", s.id()));
        scenario.add(field(scenario, "title", s.title()));
        scenario.add(field(scenario, "summary", s.summary()));
        if (s.duration() != null) {
            scenario.add(field(scenario, "duration", MselTimes.offset(s.duration())));
        }
        scenario.add(field(scenario, "roles", roles(s.roles())));
        for (Scenario.Objective o : s.objectives()) {
            scenario.add(new MselTable.Row(scenario.size() + 1, List.of("objective", o.id(), o.text(), o.capability())));
        }
        s.debrief().forEach(q -> scenario.add(field(scenario, "debrief", q)));
        return new MselTable(msel, scenario);
    }

    private static MselTable.Row field(List<MselTable.Row> rows, String name, String value) {
        return new MselTable.Row(rows.size() + 1, List.of(name, value));
    }

    private static List<String> injectRow(int number, Inject inject, Map<String, Scenario.Objective> objectives) {
        String[] cells = new String[MselColumn.values().length];
        Arrays.fill(cells, "");
        cells[MselColumn.NUMBER.ordinal()] = Integer.toString(number);
        cells[MselColumn.INJECT_ID.ordinal()] = inject.id();
        if (inject.timing() instanceof Timing.At at) {
            cells[MselColumn.OFFSET.ordinal()] = MselTimes.offset(at.offset());
            cells[MselColumn.DAY_TIME.ordinal()] = MselTimes.dayTime(at.offset());
        }
        cells[MselColumn.CONDITION.ordinal()] = condition(inject.timing());
        cells[MselColumn.FROM.ordinal()] = FROM_CONTROL;
        cells[MselColumn.TO.ordinal()] = roles(inject.to());
        cells[MselColumn.DELIVERY.ordinal()] = DELIVERY_ROOM;
        cells[MselColumn.TITLE.ordinal()] = inject.title();
        cells[MselColumn.BODY.ordinal()] = inject.body();
        cells[MselColumn.PROMPTS.ordinal()] = String.join("\n", inject.prompts());
        cells[MselColumn.EXPECTED_ACTION.ordinal()] = inject.expectations().stream().map(MselExport::expectation)
                .collect(Collectors.joining("\n"));
        Set<String> rated = new LinkedHashSet<>();
        inject.expectations().forEach(e -> rated.add(e.objective()));
        cells[MselColumn.OBJECTIVE.ordinal()] = rated.stream()
                .map(id -> objectives.containsKey(id) ? id + ": " + objectives.get(id).text() : id).collect(Collectors.joining("\n"));
        cells[MselColumn.CAPABILITY.ordinal()] = rated.stream().filter(objectives::containsKey)
                .map(id -> objectives.get(id).capability()).distinct().collect(Collectors.joining("\n"));
        cells[MselColumn.NOTES.ordinal()] = inject.facilitatorNotes() == null ? "" : inject.facilitatorNotes();
        return List.of(cells);
    }

    /** {@code after <inject> [+ 5m]}, {@code when <condition>} (after a line {@code after <inject>}), {@code manual}, or empty for a time. */
    static String condition(Timing timing) {
        if (timing instanceof Timing.After after) {
            return "after " + after.injectId() + (after.delay().isZero() ? "" : " + " + MselTimes.offset(after.delay()));
        }
        if (timing instanceof Timing.When when) {
            return (when.afterInjectId() == null ? "" : "after " + when.afterInjectId() + "\n") + "when " + when(when.condition());
        }
        return timing instanceof Timing.Manual ? "manual" : "";
    }

    private static String when(Condition condition) {
        if (condition instanceof Condition.Decision d) {
            return "decision " + (d.accepted() ? "accepted" : "rejected") + (d.titleContains() == null ? "" : " \"" + d.titleContains() + "\"");
        } else if (condition instanceof Condition.RoleAssigned r) {
            return "role assigned " + r.role().wire();
        } else if (condition instanceof Condition.ExpectationMet m) {
            return "expectation met " + m.expectationId();
        }
        return "expectation missed " + ((Condition.ExpectationMissed) condition).expectationId();
    }

    /** {@code <id>: <role> <action> within <duration> objective <objective> [assigns <role>] [approvers a,b] [audience <audience>]}. */
    static String expectation(Expectation e) {
        StringBuilder line = new StringBuilder(e.id()).append(": ").append(e.role().wire()).append(' ').append(e.action().wire())
                .append(" within ").append(MselTimes.offset(e.within())).append(" objective ").append(e.objective());
        if (e.assigns() != null) {
            line.append(" assigns ").append(e.assigns().wire());
        }
        if (!e.approvers().isEmpty()) {
            line.append(" approvers ").append(e.approvers().stream().map(Role::wire).collect(Collectors.joining(",")));
        }
        if (e.audience() != null) {
            line.append(" audience ").append(e.audience().wire());
        }
        return line.toString();
    }

    static String roles(Set<Role> roles) {
        return roles.stream().map(Role::wire).collect(Collectors.joining(", "));
    }
}
