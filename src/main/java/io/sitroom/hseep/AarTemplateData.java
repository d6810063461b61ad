package io.sitroom.hseep;

import io.quarkus.qute.TemplateData;
import io.sitroom.exercise.AfterActionReport;
import io.sitroom.exercise.FeedbackSummary;

/** Lets the AAR/IP template read the after-action report's records (value resolvers made at build time). */
@TemplateData(target = AfterActionReport.class)
@TemplateData(target = AfterActionReport.ObjectiveResult.class)
@TemplateData(target = AfterActionReport.Gap.class)
@TemplateData(target = AfterActionReport.RoleKnowledge.class)
@TemplateData(target = AfterActionReport.Knew.class)
@TemplateData(target = AfterActionReport.PlanRow.class)
@TemplateData(target = FeedbackSummary.class)
@TemplateData(target = FeedbackSummary.ObjectiveFeedback.class)
@TemplateData(target = FeedbackSummary.Attributed.class)
final class AarTemplateData {

    private AarTemplateData() {
    }
}
