package io.sitroom.exercise;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.sitroom.comms.CommsFeature;
import io.sitroom.decision.DecisionFeature;
import io.sitroom.exercise.Scenario.Condition;
import io.sitroom.exercise.Scenario.Expectation;
import io.sitroom.exercise.Scenario.Inject;
import io.sitroom.exercise.Scenario.Timing;
import io.sitroom.membership.RoleFeature;
import io.sitroom.role.Role;
import io.sitroom.room.Authority;
import io.sitroom.room.CommandType;
import io.sitroom.room.RoomKind;

/**
 * The checks a scenario must pass beyond its form: roles the exercise has, ids that resolve, no
 * cycles, every inject reachable, every expectation meetable by a role present, every objective
 * rated. Pure; errors carry the line of the field they are about.
 */
public final class ScenarioLinter {

    private final Scenario scenario;
    private final Map<String, Integer> lines;
    private final String file;
    private final List<ScenarioError> errors = new ArrayList<>();

    private ScenarioLinter(Scenario scenario, Map<String, Integer> lines, String file) {
        this.scenario = scenario;
        this.lines = lines;
        this.file = file;
    }

    public static List<ScenarioError> lint(String file, ScenarioParser.Result parsed) {
        return new ScenarioLinter(parsed.scenario(), parsed.lines(), file).run();
    }

    /** Parses and lints one file: the errors, none when the scenario is fit to play. */
    public static List<ScenarioError> validate(String file, String text) {
        ScenarioParser.Result parsed = ScenarioParser.parse(file, text);
        return parsed.scenario() == null ? parsed.errors() : lint(file, parsed);
    }

    private List<ScenarioError> run() {
        Set<Role> roles = scenario.roles();
        Set<String> objectives = unique("objectives", scenario.objectives().stream().map(Scenario.Objective::id).toList());
        Set<String> injects = unique("injects", scenario.injects().stream().map(Inject::id).toList());
        List<String> expectationIds = new ArrayList<>();
        scenario.injects().forEach(i -> i.expectations().forEach(e -> expectationIds.add(e.id())));
        Set<String> expectations = uniqueExpectations(expectationIds);
        Set<String> rated = new HashSet<>();

        for (int i = 0; i < scenario.injects().size(); i++) {
            Inject inject = scenario.injects().get(i);
            String path = "injects[" + i + "]";
            inject.to().stream().filter(r -> !roles.contains(r)).forEach(r -> notInRoles(path + ".to", r));
            if (inject.timing() instanceof Timing.After after && !injects.contains(after.injectId())) {
                error(path + ".after", "names no inject of this scenario: '" + after.injectId() + "'");
            }
            if (inject.timing() instanceof Timing.When when) {
                if (when.afterInjectId() != null && !injects.contains(when.afterInjectId())) {
                    error(path + ".after", "names no inject of this scenario: '" + when.afterInjectId() + "'");
                }
                checkCondition(when.condition(), path + ".when", roles, expectations);
            }
            for (int e = 0; e < inject.expectations().size(); e++) {
                Expectation expectation = inject.expectations().get(e);
                String epath = path + ".expectations[" + e + "]";
                rated.add(expectation.objective());
                if (!objectives.contains(expectation.objective())) {
                    error(epath + ".objective", "names no objective of this scenario: '" + expectation.objective() + "'");
                }
                checkExpectation(expectation, inject, epath, roles);
            }
        }
        for (int o = 0; o < scenario.objectives().size(); o++) {
            if (!rated.contains(scenario.objectives().get(o).id())) {
                error("objectives[" + o + "]", "no expectation rates this objective, so the report could not score it");
            }
        }
        checkCyclesAndReachability(injects);
        return errors;
    }

    private void checkCondition(Condition condition, String path, Set<Role> roles, Set<String> expectations) {
        if (condition instanceof Condition.RoleAssigned assigned && !roles.contains(assigned.role())) {
            error(path + ".roleAssigned", "can never hold: " + assigned.role() + " is not among the scenario's roles (unreachable inject)");
        } else if (condition instanceof Condition.ExpectationMet met && !expectations.contains(met.expectationId())) {
            error(path + ".expectationMet", "names no expectation of this scenario: '" + met.expectationId() + "' (unreachable inject)");
        } else if (condition instanceof Condition.ExpectationMissed missed && !expectations.contains(missed.expectationId())) {
            error(path + ".expectationMissed", "names no expectation of this scenario: '" + missed.expectationId() + "' (unreachable inject)");
        }
    }

    private void checkExpectation(Expectation e, Inject inject, String path, Set<Role> roles) {
        if (!roles.contains(e.role())) {
            notInRoles(path + ".role", e.role());
            return;
        }
        Set<Role> held = EnumSet.of(e.role());
        switch (e.action()) {
            case ASSIGN_ROLE -> {
                requireAllowed(RoleFeature.ASSIGN, held, path, e);
                if (e.assigns() != null && !roles.contains(e.assigns())) {
                    notInRoles(path + ".assigns", e.assigns());
                }
            }
            case PROPOSE_DECISION -> requireAllowed(DecisionFeature.PROPOSE, held, path, e);
            case ACCEPT_DECISION -> {
                if (!e.approvers().isEmpty() && !e.approvers().contains(e.role())) {
                    error(path + ".role", e.role() + " cannot accept a decision whose approvers are "
                            + Authority.describe(e.approvers()).replace(" or ", ", "));
                }
            }
            case POST_UPDATE -> requireAllowed(CommsFeature.POST_UPDATE, held, path, e);
            case APPROVE_STATEMENT -> requireAllowed(CommsFeature.APPROVE_STATEMENT, held, path, e);
            case PUBLISH_STATEMENT -> requireAllowed(CommsFeature.PUBLISH_STATEMENT, held, path, e);
            case ACKNOWLEDGE -> {
                if (!inject.to().contains(e.role())) {
                    error(path + ".role", e.role() + " cannot acknowledge an inject it does not receive");
                }
            }
        }
        e.approvers().stream().filter(r -> !roles.contains(r))
                .forEach(r -> error(path + ".approvers", "nobody in this exercise holds " + r + ", so no such decision can be accepted"));
    }

    /** The expected role must be one that may issue the command in an exercise, whatever its content. */
    private void requireAllowed(CommandType<?> command, Set<Role> held, String path, Expectation e) {
        if (!command.authority().privileged(held, RoomKind.EXERCISE)) {
            error(path + ".role", "no " + e.role() + " can meet this: only " + Authority.describe(command.authority().rolesIn(RoomKind.EXERCISE))
                    + " may " + command.name());
        }
    }

    /**
     * Follows 'after' links: a cycle is an error at each inject on it; an inject whose chain leads into
     * a cycle or to an unknown inject is unreachable. Each link is walked once for the whole scenario
     * (the end of every chain walked is remembered for each inject on it), so a long chain costs no
     * more than its length: a file of thousands of chained injects is checked in linear time.
     */
    private void checkCyclesAndReachability(Set<String> injects) {
        Map<String, String> after = new HashMap<>();
        for (Inject inject : scenario.injects()) {
            if (inject.timing() instanceof Timing.After a) {
                after.put(inject.id(), a.injectId());
            } else if (inject.timing() instanceof Timing.When w && w.afterInjectId() != null) {
                after.put(inject.id(), w.afterInjectId());
            }
        }
        Map<String, ChainEnd> ends = new HashMap<>();
        for (int i = 0; i < scenario.injects().size(); i++) {
            String id = scenario.injects().get(i).id();
            ChainEnd end = chainEnd(id, after, injects, ends);
            if (end.end() == ChainEnd.End.CYCLE) {
                error("injects[" + i + "].after", "is part of a cycle of 'after' links, so it is never delivered");
            } else if (end.end() == ChainEnd.End.INTO_CYCLE) {
                error("injects[" + i + "].after", "is unreachable: its chain of 'after' links leads into a cycle");
            } else if (end.end() == ChainEnd.End.UNKNOWN && !end.unknown().equals(after.get(id))) {
                // An 'after' naming an unknown inject directly is reported where it is named.
                error("injects[" + i + "].after", "is unreachable: its chain of 'after' links leads to the unknown inject '"
                        + end.unknown() + "'");
            }
        }
    }

    /**
     * Where a chain of 'after' links ends: at an inject that waits for no other, in a cycle the inject
     * is on, in a cycle it leads into, or at an inject the scenario does not have ({@code unknown}).
     */
    private record ChainEnd(End end, String unknown) {
        enum End { ROOTED, CYCLE, INTO_CYCLE, UNKNOWN }

        static final ChainEnd ROOTED = new ChainEnd(End.ROOTED, null);
        static final ChainEnd CYCLE = new ChainEnd(End.CYCLE, null);
        static final ChainEnd INTO_CYCLE = new ChainEnd(End.INTO_CYCLE, null);

        static ChainEnd unknown(String injectId) {
            return new ChainEnd(End.UNKNOWN, injectId);
        }
    }

    /**
     * The end of {@code start}'s chain, remembered in {@code ends} for every inject walked on the way:
     * a later walk stops at the first inject whose end is known. Iterative, so a chain of any length
     * needs no deeper stack.
     */
    private static ChainEnd chainEnd(String start, Map<String, String> after, Set<String> injects, Map<String, ChainEnd> ends) {
        List<String> path = new ArrayList<>();
        Map<String, Integer> onPath = new HashMap<>();
        String current = start;
        ChainEnd end;
        int cycleFrom = -1;
        while (true) {
            ChainEnd known = ends.get(current);
            if (known != null) {
                end = known.end() == ChainEnd.End.CYCLE ? ChainEnd.INTO_CYCLE : known;
                break;
            }
            if (!injects.contains(current)) {
                end = ChainEnd.unknown(current);
                break;
            }
            Integer seenAt = onPath.putIfAbsent(current, path.size());
            if (seenAt != null) {
                end = ChainEnd.INTO_CYCLE;
                cycleFrom = seenAt;
                break;
            }
            path.add(current);
            current = after.get(current);
            if (current == null) {
                end = ChainEnd.ROOTED;
                break;
            }
        }
        for (int i = 0; i < path.size(); i++) {
            ends.put(path.get(i), cycleFrom >= 0 && i >= cycleFrom ? ChainEnd.CYCLE : end);
        }
        return ends.get(start);
    }

    private Set<String> unique(String list, List<String> ids) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i) != null && !seen.add(ids.get(i))) {
                error(list + "[" + i + "].id", "'" + ids.get(i) + "' is used twice");
            }
        }
        return seen;
    }

    private Set<String> uniqueExpectations(List<String> ids) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < scenario.injects().size(); i++) {
            List<Expectation> list = scenario.injects().get(i).expectations();
            for (int e = 0; e < list.size(); e++) {
                if (!seen.add(list.get(e).id())) {
                    error("injects[" + i + "].expectations[" + e + "].id", "'" + list.get(e).id() + "' is used twice");
                }
            }
        }
        return seen;
    }

    private void notInRoles(String path, Role role) {
        error(path, role + " is not among the scenario's roles");
    }

    private void error(String path, String message) {
        Integer line = null;
        for (String p = path; line == null && p != null; p = parent(p)) {
            line = lines.get(p);
        }
        errors.add(new ScenarioError(file, line, path, message));
    }

    private static String parent(String path) {
        if (path.isEmpty()) {
            return null;
        }
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }

}
