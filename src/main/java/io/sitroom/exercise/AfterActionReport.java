package io.sitroom.exercise;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.sitroom.exercise.PlaybackState.Outcome;
import io.sitroom.exercise.Scenario.Expectation;
import io.sitroom.exercise.Scenario.Inject;
import io.sitroom.playbook.PlaybookViews;
import io.sitroom.role.Role;

/**
 * An after-action report in the spirit of the HSEEP AAR/IP: each objective rated from its
 * expectations (P performed without challenges, S with some, M with major challenges, U unable
 * to be performed), the gaps by kind, who knew what when, and an improvement plan. Built by a
 * pure function from what the exercise recorded, for one {@link Reader}: the facilitator reads all of
 * it; a player (once the report is released) reads no expectation of an undelivered inject, no debrief
 * questions, and of an inject that did not go to their roles neither its id nor its title.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AfterActionReport(UUID roomId, String scenarioId, String title, String status, String startedAt, String endedAt,
        long scenarioMs, List<ObjectiveResult> objectives, List<Gap> gaps, List<RoleKnowledge> whoKnewWhat, List<PlanRow> improvementPlan,
        List<String> debrief, List<Improvised> improvised, List<PlaybookViews.ItemView> checklist, FeedbackSummary feedback) {

    public static final Map<String, String> RATINGS = Map.of(
            "P", "Performed without challenges",
            "S", "Performed with some challenges",
            "M", "Performed with major challenges",
            "U", "Unable to be performed");

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ObjectiveResult(String id, String text, String capability, String rating, String ratingMeaning, int met, int missed,
            int pending, List<ExpectationResult> expectations) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ExpectationResult(String id, String injectId, String role, String action, String outcome, Long dueMs, Long settledMs) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Gap(String kind, String message, Long seq) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Knew(String injectId, String title, long deliveredMs, String firstResponseAt, String respondedBy) {
    }

    public record RoleKnowledge(String role, List<Knew> injects) {
    }

    /**
     * One change the facilitator made to the script during play (the facilitator's report only):
     * {@code change} is added, edited, dropped or moved; {@code atMs} the time it was (re)planned for.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Improvised(long seq, String change, String injectId, String title, long scenarioMs, Long atMs, String by) {
    }

    public record PlanRow(String id, String objective, String capability, String issue, String recommendation, String ownerRole) {
    }

    /** What happened in the room that the report reads, beside the playback state. */
    public record Facts(Map<String, ExpectationRecord> expectations, Map<String, Long> deliveredSeqs, List<DecisionFact> decisions,
            List<StatementFact> statements, List<Long> ackOverdueSeqs, Map<String, Response> firstResponses, List<Improvised> improvised) {
    }

    public record DecisionFact(long seq, String title, Set<Role> approvers, String rationale, int options, String status) {
    }

    public record StatementFact(long seq, String title, boolean legalApproved, boolean published) {
    }

    public record Response(String at, String by) {
    }

    /**
     * Who reads the report: the facilitator ({@code whole}) or a player holding {@code roles}, who is
     * told of an inject's content only when it went to one of their roles (as its delivery event was).
     */
    public record Reader(boolean whole, Set<Role> roles) {

        public static final Reader FACILITATOR = new Reader(true, Set.of(Role.FACILITATOR));

        public static Reader player(Set<Role> roles) {
            return new Reader(false, Set.copyOf(roles));
        }

        boolean sees(Inject inject) {
            return whole || inject.to().stream().anyMatch(roles::contains);
        }
    }

    public static AfterActionReport build(UUID roomId, Exercise exercise, Scenario scenario, long elapsedMs, Facts facts,
            String startedAt, String endedAt, Reader reader) {
        PlaybackState state = exercise.state();
        List<ObjectiveResult> objectives = new ArrayList<>();
        List<PlanRow> plan = new ArrayList<>();
        for (Scenario.Objective objective : scenario.objectives()) {
            List<ExpectationResult> results = new ArrayList<>();
            int met = 0;
            int missed = 0;
            int pending = 0;
            for (Inject inject : scenario.injects()) {
                for (Expectation e : inject.expectations()) {
                    if (!e.objective().equals(objective.id())) {
                        continue;
                    }
                    ExpectationRecord record = facts.expectations().get(e.id());
                    if (record == null) {
                        // An inject not delivered to anyone: its expectations are the facilitator's script.
                        if (reader.whole()) {
                            results.add(new ExpectationResult(e.id(), inject.id(), e.role().wire(), e.action().wire(), "not_started", null, null));
                        }
                        continue;
                    }
                    results.add(new ExpectationResult(e.id(), reader.sees(inject) ? inject.id() : null, e.role().wire(), e.action().wire(),
                            record.outcome.wire(), record.dueScenarioMs, record.settledScenarioMs));
                    switch (record.outcome) {
                        case MET -> met++;
                        case MISSED -> missed++;
                        case PENDING -> pending++;
                    }
                    if (record.outcome != Outcome.MET) {
                        plan.add(new PlanRow(objective.id() + "/" + e.id(), objective.text(), objective.capability(),
                                describe(e, inject, reader.sees(inject)) + (record.outcome == Outcome.MISSED ? ": missed" : ": not done by the end"),
                                recommend(e), e.role().wire()));
                    }
                }
            }
            String rating = rating(met, missed + pending);
            objectives.add(new ObjectiveResult(objective.id(), objective.text(), objective.capability(), rating,
                    rating == null ? "Not rated: none of its expectations came into play" : RATINGS.get(rating), met, missed, pending, results));
        }
        return new AfterActionReport(roomId, exercise.scenarioId, scenario.title(), exercise.status.wire(), startedAt, endedAt, elapsedMs,
                objectives, gaps(scenario, state, facts, reader), whoKnewWhat(scenario, state, facts, reader), plan,
                reader.whole() ? scenario.debrief() : null, reader.whole() ? facts.improvised() : null, null, null);
    }

    /** As this, with the checklist of the incident type practised (none: left out). */
    public AfterActionReport withChecklist(List<PlaybookViews.ItemView> items) {
        return new AfterActionReport(roomId, scenarioId, title, status, startedAt, endedAt, scenarioMs, objectives, gaps, whoKnewWhat,
                improvementPlan, debrief, improvised, items == null || items.isEmpty() ? null : List.copyOf(items), feedback);
    }

    /** As this, with its "Participant Feedback Summary" appendix (null: the form was never opened, no appendix). */
    public AfterActionReport withFeedback(FeedbackSummary summary) {
        return new AfterActionReport(roomId, scenarioId, title, status, startedAt, endedAt, scenarioMs, objectives, gaps, whoKnewWhat,
                improvementPlan, debrief, improvised, checklist, summary);
    }

    static String rating(int met, int notMet) {
        int total = met + notMet;
        if (total == 0) {
            return null;
        }
        double ratio = (double) met / total;
        return ratio == 1 ? "P" : ratio >= 2.0 / 3 ? "S" : ratio > 0 ? "M" : "U";
    }

    private static List<Gap> gaps(Scenario scenario, PlaybackState state, Facts facts, Reader reader) {
        List<Gap> gaps = new ArrayList<>();
        for (Inject inject : scenario.injects()) {
            for (Expectation e : inject.expectations()) {
                ExpectationRecord record = facts.expectations().get(e.id());
                if (record == null || record.outcome == Outcome.MET) {
                    continue;
                }
                switch (e.action()) {
                    case PROPOSE_DECISION, ACCEPT_DECISION -> authority(e, inject, state, facts, gaps, reader);
                    case ACKNOWLEDGE, ASSIGN_ROLE, POST_UPDATE -> gaps.add(new Gap("escalation",
                            describe(e, inject, reader.sees(inject)) + " came late or never", record.settledSeq));
                    case APPROVE_STATEMENT, PUBLISH_STATEMENT -> gaps.add(new Gap("communication",
                            describe(e, inject, reader.sees(inject)) + " came late or never", record.settledSeq));
                }
            }
        }
        facts.ackOverdueSeqs().forEach(seq -> gaps.add(new Gap("escalation", "an acknowledgement request went unanswered past its time", seq)));
        for (DecisionFact d : facts.decisions()) {
            if (d.rationale().length() < 40 || d.options() == 0) {
                gaps.add(new Gap("evidence", "decision '" + d.title() + "' was recorded with "
                        + (d.options() == 0 ? "no options considered" : "a thin rationale") + " (" + d.rationale().length() + " characters)", d.seq()));
            }
        }
        for (StatementFact s : facts.statements()) {
            if (!s.legalApproved()) {
                gaps.add(new Gap("communication", "statement '" + s.title() + "' was drafted but never approved by legal", s.seq()));
            }
        }
        return gaps;
    }

    /** A decision expectation missed: were decisions taken without the approvers it required? */
    private static void authority(Expectation e, Inject inject, PlaybackState state, Facts facts, List<Gap> gaps, Reader reader) {
        Long deliveredSeq = facts.deliveredSeqs().get(inject.id());
        boolean found = false;
        for (DecisionFact d : facts.decisions()) {
            if (deliveredSeq != null && d.seq() > deliveredSeq && !d.approvers().containsAll(e.approvers())) {
                Set<Role> missing = EnumSet.noneOf(Role.class);
                missing.addAll(e.approvers());
                missing.removeAll(d.approvers());
                gaps.add(new Gap("authority", "decision '" + d.title() + "' was " + d.status() + " without the required approver(s) "
                        + String.join(", ", missing.stream().map(Role::wire).sorted().toList()), d.seq()));
                found = true;
            }
        }
        if (!found) {
            gaps.add(new Gap("authority", describe(e, inject, reader.sees(inject)) + " came late or never", null));
        }
    }

    private static List<RoleKnowledge> whoKnewWhat(Scenario scenario, PlaybackState state, Facts facts, Reader reader) {
        Map<Role, List<Knew>> byRole = new LinkedHashMap<>();
        scenario.roles().forEach(r -> byRole.put(r, new ArrayList<>()));
        scenario.injects().stream().filter(i -> state.delivered().containsKey(i.id()) && reader.sees(i))
                .sorted((a, b) -> Long.compare(state.delivered().get(a.id()), state.delivered().get(b.id())))
                .forEach(inject -> {
                    for (Role role : inject.to()) {
                        Response response = facts.firstResponses().get(inject.id() + "/" + role.wire());
                        byRole.computeIfAbsent(role, r -> new ArrayList<>()).add(new Knew(inject.id(), inject.title(),
                                state.delivered().get(inject.id()), response == null ? null : response.at(), response == null ? null : response.by()));
                    }
                });
        return byRole.entrySet().stream().map(e -> new RoleKnowledge(e.getKey().wire(), e.getValue())).toList();
    }

    static String describe(Expectation e, Inject inject) {
        return describe(e, inject, true);
    }

    /** As {@link #describe(Expectation, Inject)}; an inject the reader was not sent is named only by whom it went to. */
    static String describe(Expectation e, Inject inject, boolean shown) {
        String injectName = shown ? "'" + inject.title() + "'"
                : "an inject to " + String.join(", ", inject.to().stream().map(Role::wire).sorted().toList());
        String what = switch (e.action()) {
            case ASSIGN_ROLE -> "assign " + e.assigns();
            case PROPOSE_DECISION -> "propose a decision" + approvers(e);
            case ACCEPT_DECISION -> "accept a decision" + approvers(e);
            case POST_UPDATE -> "post an " + e.audience().wire() + " update";
            case APPROVE_STATEMENT -> "approve the external statement";
            case PUBLISH_STATEMENT -> "publish the external statement";
            case ACKNOWLEDGE -> "acknowledge " + (shown ? injectName : "it");
        };
        return e.role() + " to " + what + " within " + minutes(e.within().toMillis()) + " of " + injectName;
    }

    private static String recommend(Expectation e) {
        return switch (e.action()) {
            case ASSIGN_ROLE -> "Name the " + e.assigns() + " in the first minutes; add it to the incident commander's checklist.";
            case PROPOSE_DECISION, ACCEPT_DECISION -> "Agree in advance who approves this kind of decision" + approvers(e)
                    + ", and rehearse reaching them out of hours.";
            case POST_UPDATE -> "Set an update cadence at the start and keep a template for " + e.audience().wire() + " updates.";
            case APPROVE_STATEMENT, PUBLISH_STATEMENT -> "Pre-approve holding statements with comms and legal; agree the sign-off path.";
            case ACKNOWLEDGE -> "Confirm receipt of critical information explicitly; silence is not agreement.";
        };
    }

    private static String approvers(Expectation e) {
        return e.approvers().isEmpty() ? "" : " (approvers: " + String.join(", ", e.approvers().stream().map(Role::wire).sorted().toList()) + ")";
    }

    static String minutes(long ms) {
        long minutes = ms / 60_000;
        return minutes >= 60 ? (minutes / 60) + " h " + (minutes % 60) + " min" : minutes + " min";
    }

    /** The report as Markdown, for reading and printing. */
    public String toMarkdown() {
        StringBuilder md = new StringBuilder();
        md.append("# After-action report: ").append(title).append("\n\n");
        md.append("Scenario `").append(scenarioId).append("`, exercise ").append(status);
        if (startedAt != null) {
            md.append(", started ").append(startedAt);
        }
        if (endedAt != null) {
            md.append(", ended ").append(endedAt);
        }
        md.append(", ").append(minutes(scenarioMs)).append(" of scenario time.\n\n");
        md.append("## Objectives\n\n| objective | capability | rating | met | missed | pending |\n|---|---|---|---|---|---|\n");
        for (ObjectiveResult o : objectives) {
            md.append("| ").append(cell(o.text())).append(" | ").append(cell(o.capability())).append(" | ")
                    .append(o.rating() == null ? "not rated" : o.rating() + " (" + o.ratingMeaning() + ")").append(" | ")
                    .append(o.met()).append(" | ").append(o.missed()).append(" | ").append(o.pending()).append(" |\n");
        }
        md.append("\n## Gaps\n\n");
        if (gaps.isEmpty()) {
            md.append("None found.\n");
        }
        for (Gap gap : gaps) {
            md.append("- **").append(gap.kind()).append("**: ").append(gap.message()).append(gap.seq() == null ? "" : " (event " + gap.seq() + ")")
                    .append("\n");
        }
        md.append("\n## Who knew what, when\n\n| role | inject | delivered at | first response |\n|---|---|---|---|\n");
        for (RoleKnowledge role : whoKnewWhat) {
            for (Knew knew : role.injects()) {
                md.append("| ").append(role.role()).append(" | ").append(cell(knew.title())).append(" | ").append(minutes(knew.deliveredMs()))
                        .append(" | ").append(knew.firstResponseAt() == null ? "none" : knew.firstResponseAt() + " by " + cell(knew.respondedBy()))
                        .append(" |\n");
            }
        }
        md.append("\n## Improvement plan\n\n| objective | issue | recommendation | owner |\n|---|---|---|---|\n");
        for (PlanRow row : improvementPlan) {
            md.append("| ").append(cell(row.objective())).append(" | ").append(cell(row.issue())).append(" | ").append(cell(row.recommendation()))
                    .append(" | ").append(row.ownerRole()).append(" |\n");
        }
        if (improvised != null && !improvised.isEmpty()) {
            md.append("\n## Improvised during play\n\n| scenario time | change | inject | planned for | by |\n|---|---|---|---|---|\n");
            for (Improvised i : improvised) {
                md.append("| ").append(minutes(i.scenarioMs())).append(" | ").append(i.change()).append(" | ")
                        .append(cell(i.title() == null ? i.injectId() : i.title())).append(" | ")
                        .append(i.atMs() == null ? "" : minutes(i.atMs())).append(" | ").append(cell(i.by())).append(" |\n");
            }
        }
        if (checklist != null) {
            md.append("\n## Checklist\n\n| phase | step | owner | outcome |\n|---|---|---|---|\n");
            for (PlaybookViews.ItemView item : checklist) {
                String outcome = switch (item.status()) {
                    case "done" -> item.late() ? "done late" : "done";
                    case "skipped" -> "skipped: " + item.skipReason();
                    default -> item.overdue() ? "open, overdue" : "open";
                };
                md.append("| ").append(item.phase()).append(" | ").append(cell(item.text())).append(" | ")
                        .append(item.ownerRole() == null ? "" : item.ownerRole()).append(" | ").append(cell(outcome)).append(" |\n");
            }
        }
        if (debrief != null && !debrief.isEmpty()) {
            md.append("\n## Debrief questions\n\n");
            debrief.forEach(q -> md.append("- ").append(q).append("\n"));
        }
        if (feedback != null) {
            md.append(feedback.toMarkdown());
        }
        return md.toString();
    }

    static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }

}
