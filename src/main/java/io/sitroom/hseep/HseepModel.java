package io.sitroom.hseep;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.quarkus.qute.TemplateData;
import io.sitroom.exercise.Scenario;
import io.sitroom.exercise.Scenario.Expectation;
import io.sitroom.exercise.Scenario.Inject;
import io.sitroom.exercise.Scenario.Timing;
import io.sitroom.msel.MselTimes;
import io.sitroom.role.Role;

/**
 * The HSEEP documents of a scenario, as the data their templates print. Pure. What reaches players
 * (the Situation Manual) is chosen here, field by field: never a facilitator note, an expectation, or
 * the content of an inject that only comes during play (chained, conditional or by hand).
 */
public final class HseepModel {

    private HseepModel() {
    }

    /** Where a document was made from: the scenario, its version, and the exercise when there is one. */
    @TemplateData
    public record Header(String scenarioId, String title, int version, String exercise, String generatedAt) {
    }

    @TemplateData
    public record Objective(String id, String text, String capability) {
    }

    /**
     * A module of the Situation Manual: a timed inject as the players' situation at that time. {@code medium}:
     * how it reaches them, in a line ("News article: ..."); null for a plain message.
     */
    @TemplateData
    public record Module(int number, String time, String title, String to, String body, List<String> questions, String medium) {
    }

    /** The Situation Manual, for players. */
    @TemplateData
    public record SituationManual(Header header, String summary, String duration, String roles, List<Objective> objectives,
            List<Module> modules, int laterInjects) {
    }

    /** A line of the controller's script: every inject with its timing, medium (null: plain), notes and expectations. */
    @TemplateData
    public record ScriptLine(int number, String id, String timing, String to, String title, String body, List<String> questions,
            String notes, List<String> expectations, String medium) {
    }

    /** The Controller/Evaluator Handbook, for the facilitator and evaluators. */
    @TemplateData
    public record Handbook(Header header, String summary, String duration, String roles, List<Objective> objectives,
            List<ScriptLine> script, List<String> debrief) {
    }

    /** A critical task of an objective: an expectation, where it comes and what it asks. */
    @TemplateData
    public record Task(String injectId, String injectTitle, String role, String action, String within) {
    }

    /** One Exercise Evaluation Guide: an objective, its capability and its critical tasks. */
    @TemplateData
    public record Guide(Objective objective, List<Task> tasks) {
    }

    @TemplateData
    public record EvaluationGuides(Header header, List<Guide> guides, List<String> ratings) {
    }

    public static SituationManual situationManual(Header header, Scenario s) {
        List<Module> modules = new ArrayList<>();
        int later = 0;
        for (Inject inject : s.injects()) {
            if (inject.timing() instanceof Timing.At at) {
                modules.add(new Module(modules.size() + 1, MselTimes.dayTime(at.offset()), inject.title(), roles(inject.to()), inject.body(),
                        inject.prompts(), medium(inject)));
            } else {
                later++;
            }
        }
        return new SituationManual(header, s.summary(), duration(s), roles(s.roles()), objectives(s), modules, later);
    }

    public static Handbook handbook(Header header, Scenario s) {
        List<ScriptLine> script = new ArrayList<>();
        for (Inject inject : s.injects()) {
            script.add(new ScriptLine(script.size() + 1, inject.id(), timing(inject.timing()), roles(inject.to()), inject.title(), inject.body(),
                    inject.prompts(), inject.facilitatorNotes(), inject.expectations().stream().map(HseepModel::expectation).toList(),
                    medium(inject)));
        }
        return new Handbook(header, s.summary(), duration(s), roles(s.roles()), objectives(s), script, s.debrief());
    }

    private static String medium(Inject inject) {
        return inject.medium() == null ? null : inject.medium().describe();
    }

    public static EvaluationGuides evaluationGuides(Header header, Scenario s) {
        List<Guide> guides = new ArrayList<>();
        for (Scenario.Objective o : s.objectives()) {
            List<Task> tasks = new ArrayList<>();
            for (Inject inject : s.injects()) {
                for (Expectation e : inject.expectations()) {
                    if (e.objective().equals(o.id())) {
                        tasks.add(new Task(inject.id(), inject.title(), e.role().wire(), e.action().wire(), MselTimes.offset(e.within())));
                    }
                }
            }
            guides.add(new Guide(new Objective(o.id(), o.text(), o.capability()), tasks));
        }
        List<String> ratings = List.of("P: performed without challenges", "S: performed with some challenges",
                "M: performed with major challenges", "U: unable to be performed");
        return new EvaluationGuides(header, guides, ratings);
    }

    private static String timing(Timing timing) {
        if (timing instanceof Timing.At at) {
            return MselTimes.dayTime(at.offset()) + " (" + MselTimes.offset(at.offset()) + ")";
        } else if (timing instanceof Timing.After after) {
            return "after " + after.injectId() + (after.delay().isZero() ? "" : " + " + MselTimes.offset(after.delay()));
        } else if (timing instanceof Timing.When when) {
            return (when.afterInjectId() == null ? "" : "after " + when.afterInjectId() + ", ") + "when " + condition(when.condition());
        }
        return "by hand (the facilitator delivers it)";
    }

    private static String condition(Scenario.Condition c) {
        if (c instanceof Scenario.Condition.Decision d) {
            return "a decision is " + (d.accepted() ? "accepted" : "rejected") + (d.titleContains() == null ? "" : " (title contains \"" + d.titleContains() + "\")");
        } else if (c instanceof Scenario.Condition.RoleAssigned r) {
            return r.role().wire() + " is assigned";
        } else if (c instanceof Scenario.Condition.ExpectationMet m) {
            return m.expectationId() + " is met";
        }
        return ((Scenario.Condition.ExpectationMissed) c).expectationId() + " is missed";
    }

    private static String expectation(Expectation e) {
        return e.role().wire() + " should " + e.action().wire().replace('_', ' ') + (e.assigns() == null ? "" : " (" + e.assigns().wire() + ")")
                + " within " + MselTimes.offset(e.within()) + "; rates objective " + e.objective() + " [" + e.id() + "]";
    }

    private static List<Objective> objectives(Scenario s) {
        return s.objectives().stream().map(o -> new Objective(o.id(), o.text(), o.capability())).toList();
    }

    private static String duration(Scenario s) {
        return s.duration() == null ? null : MselTimes.offset(s.duration());
    }

    private static String roles(java.util.Set<Role> roles) {
        return roles.stream().map(Role::wire).collect(Collectors.joining(", "));
    }
}
