package io.sitroom.exercise;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.sitroom.exercise.Scenario.Condition;
import io.sitroom.exercise.Scenario.Timing;
import io.sitroom.role.Role;

/** A scenario as JSON: durations in seconds of scenario time, timings and conditions spelled out. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScenarioView(String id, String title, String summary, Long durationSeconds, List<String> roles, List<Scenario.Objective> objectives,
        List<InjectView> injects, List<String> debrief) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TimingView(String type, Long atSeconds, String after, Long delaySeconds, ConditionView when) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConditionView(String decision, String titleContains, String roleAssigned, String expectationMet, String expectationMissed) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ExpectationView(String id, String role, String action, long withinSeconds, String objective, String assigns,
            List<String> approvers, String audience) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record InjectView(String id, String title, String body, List<String> to, TimingView timing, List<String> prompts,
            String facilitatorNotes, List<ExpectationView> expectations, Medium medium) {
    }

    public static ScenarioView of(Scenario s) {
        return new ScenarioView(s.id(), s.title(), s.summary(), seconds(s.duration()), names(s.roles()), s.objectives(),
                s.injects().stream().map(ScenarioView::inject).toList(), s.debrief());
    }

    static InjectView inject(Scenario.Inject i) {
        return new InjectView(i.id(), i.title(), i.body(), names(i.to()), timing(i.timing()), i.prompts(), i.facilitatorNotes(),
                i.expectations().stream().map(e -> new ExpectationView(e.id(), e.role().wire(), e.action().wire(), e.within().toSeconds(),
                        e.objective(), e.assigns() == null ? null : e.assigns().wire(), e.approvers().isEmpty() ? null : names(e.approvers()),
                        e.audience() == null ? null : e.audience().wire())).toList(), i.medium());
    }

    static TimingView timing(Timing timing) {
        if (timing instanceof Timing.At at) {
            return new TimingView("at", at.offset().toSeconds(), null, null, null);
        } else if (timing instanceof Timing.After after) {
            return new TimingView("after", null, after.injectId(), after.delay().toSeconds(), null);
        } else if (timing instanceof Timing.When when) {
            return new TimingView("when", null, when.afterInjectId(), null, condition(when.condition()));
        }
        return new TimingView("manual", null, null, null, null);
    }

    static ConditionView condition(Condition c) {
        if (c instanceof Condition.Decision d) {
            return new ConditionView(d.accepted() ? "accepted" : "rejected", d.titleContains(), null, null, null);
        } else if (c instanceof Condition.RoleAssigned r) {
            return new ConditionView(null, null, r.role().wire(), null, null);
        } else if (c instanceof Condition.ExpectationMet m) {
            return new ConditionView(null, null, null, m.expectationId(), null);
        }
        return new ConditionView(null, null, null, null, ((Condition.ExpectationMissed) c).expectationId());
    }

    private static Long seconds(Duration d) {
        return d == null ? null : d.toSeconds();
    }

    private static List<String> names(Set<Role> roles) {
        return roles.stream().map(Role::wire).sorted().toList();
    }
}
