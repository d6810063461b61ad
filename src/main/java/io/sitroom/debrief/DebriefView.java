package io.sitroom.debrief;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.sitroom.exercise.AfterActionReport;
import io.sitroom.exercise.FeedbackSummary;

/**
 * What a debrief link shows, chosen here field by field: the exercise, what was delivered to whom, the
 * decisions, and once the facilitator released the report its summary and scores. Never the facilitator's
 * notes, an undelivered inject, an expectation before the release, a restricted event or a person's name.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DebriefView(String title, Scenario scenario, String status, String startedAt, String endedAt, String expiresAt,
        List<Delivered> delivered, List<DecisionMade> decisions, boolean reportReleased, Summary report) {

    public record Objective(String id, String text, String capability) {
    }

    public record Scenario(String id, String title, String summary, List<Objective> objectives) {
    }

    /** An inject as its recipients got it ({@code inject.delivered}), at scenario time {@code scenarioMs}. */
    public record Delivered(String injectId, String title, String body, List<String> to, List<String> prompts, long scenarioMs, String at) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DecisionMade(String title, String choice, String rationale, String status, List<String> approvers, String proposedAt,
            String decidedAt) {
    }

    /** The score: expectations met of those that came into play. */
    public record Score(int met, int triggered) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ObjectiveRating(String id, String text, String capability, String rating, String ratingMeaning, int met, int missed,
            int pending) {
    }

    /** The released after-action report, summarised; {@code feedback}: the aggregates of the feedback form, without its texts. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Summary(Score score, List<ObjectiveRating> objectives, List<AfterActionReport.Gap> gaps,
            List<AfterActionReport.PlanRow> improvementPlan, FeedbackSummary feedback) {

        static Summary of(AfterActionReport report) {
            int met = 0;
            int triggered = 0;
            for (AfterActionReport.ObjectiveResult o : report.objectives()) {
                met += o.met();
                triggered += o.met() + o.missed() + o.pending();
            }
            return new Summary(new Score(met, triggered),
                    report.objectives().stream().map(o -> new ObjectiveRating(o.id(), o.text(), o.capability(), o.rating(), o.ratingMeaning(),
                            o.met(), o.missed(), o.pending())).toList(),
                    report.gaps(), report.improvementPlan(), report.feedback());
        }
    }
}
