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

    /** Follows 'after' links: a cycle is an error at each inject on it; an inject after an unknown one is unreachable. */
    private void checkCyclesAndReachability(Set<String> injects) {
        Map<String, String> after = new HashMap<>();
        for (Inject inject : scenario.injects()) {
            if (inject.timing() instanceof Timing.After a) {
                after.put(inject.id(), a.injectId());
            } else if (inject.timing() instanceof Timing.When w && w.afterInjectId() != null) {
                after.put(inject.id(), w.afterInjectId());
            }
        }
        for (int i = 0; i < scenario.injects().size(); i++) {
            String start = scenario.injects().get(i).id();
            Set<String> seen = new HashSet<>();
            String current = start;
            while (after.containsKey(current)) {
                if (!seen.add(current)) {
                    error("injects[" + i + "].after", "is part of a cycle of 'after' links, so it is never delivered");
                    break;
                }
                current = after.get(current);
                if (!injects.contains(current) && !current.equals(after.get(start))) {
                    error("injects[" + i + "].after", "is unreachable: its chain of 'after' links leads to the unknown inject '" + current + "'");
                    break;
                }
            }
        }
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
