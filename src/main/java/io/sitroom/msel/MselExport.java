package io.sitroom.msel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.sitroom.exercise.Medium;
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
    /** The delivery column of a plain inject: a message in the room (an inject with a medium names it: "news article", ...). */
    static final String DELIVERY_ROOM = "room message";
    /** Between the addresses of an e-mail in the Medium column (a display name may hold a comma). */
    static final String ADDRESS_SEPARATOR = "; ";
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
        cells[MselColumn.DELIVERY.ordinal()] = inject.medium() == null ? DELIVERY_ROOM : inject.medium().deliveryName();
        cells[MselColumn.MEDIUM.ordinal()] = medium(inject.medium());
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

    /** The medium as {@code field: value} lines, {@code kind} first; empty for a plain inject. */
    static String medium(Medium medium) {
        if (medium == null) {
            return "";
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("kind", medium.kind());
        if (medium instanceof Medium.News n) {
            fields.put("outlet", n.outlet());
            fields.put("headline", n.headline());
            fields.put("byline", n.byline());
        } else if (medium instanceof Medium.Social p) {
            fields.put("platform", p.platform());
            fields.put("author", p.author());
            fields.put("handle", p.handle());
            fields.put("likes", Long.toString(p.likes()));
            fields.put("shares", Long.toString(p.shares()));
        } else if (medium instanceof Medium.Email e) {
            fields.put("from", e.from());
            fields.put("to", String.join(ADDRESS_SEPARATOR, e.to()));
            fields.put("cc", e.cc() == null ? null : String.join(ADDRESS_SEPARATOR, e.cc()));
            fields.put("subject", e.subject());
        } else if (medium instanceof Medium.Call c) {
            fields.put("caller", c.caller());
            fields.put("callee", c.callee());
            fields.put("duration", c.durationSeconds() == null ? null : MselTimes.offset(Duration.ofSeconds(c.durationSeconds())));
        } else if (medium instanceof Medium.Document d) {
            fields.put("title", d.title());
            fields.put("filename", d.filename());
            fields.put("classification", d.classification());
        }
        return fields.entrySet().stream().filter(f -> f.getValue() != null).map(f -> f.getKey() + ": " + f.getValue())
                .collect(Collectors.joining("\n"));
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
