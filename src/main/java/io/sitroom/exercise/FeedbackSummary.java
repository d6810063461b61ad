package io.sitroom.exercise;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.sitroom.role.Role;

/**
 * The after-action report's "Participant Feedback Summary" appendix: per objective the average of its
 * 1-5 ratings and their distribution, how many answered, and the strengths, areas for improvement and
 * comments each attributed by role (never by name, as HSEEP does). Built by a pure function from each
 * member's latest submission. {@code strengths}, {@code improvements} and {@code comments} are null in
 * a player's reading (the released report, a debrief): their words are the facilitator's to read, and a
 * role held by one person would name its writer.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeedbackSummary(String status, int respondents, int players, List<ObjectiveFeedback> objectives, List<Attributed> strengths,
        List<Attributed> improvements, List<Attributed> comments) {

    /** {@code distribution}: how many rated it 1, 2, 3, 4, 5 (index 0 is 1); {@code average} null when nobody rated it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ObjectiveFeedback(String id, String text, int ratings, Double average, List<Integer> distribution) {
    }

    /** A text and the roles its writer held when submitting ("legal", "comms_approver, scribe"). */
    public record Attributed(String role, String text) {
    }

    /** One member's latest answers, and the roles they held then. */
    public record Answer(Set<Role> roles, FeedbackEvent.Submitted submitted) {
    }

    /**
     * @param players the members who may answer (every role but the facilitator)
     * @param whole   whether the reader is the facilitator (the texts too)
     */
    public static FeedbackSummary of(FeedbackStatus status, Scenario scenario, Collection<Answer> answers, int players, boolean whole) {
        List<ObjectiveFeedback> objectives = new ArrayList<>();
        for (Scenario.Objective objective : scenario.objectives()) {
            int[] counts = new int[5];
            int sum = 0;
            int n = 0;
            for (Answer answer : answers) {
                Integer rating = answer.submitted().ratings().get(objective.id());
                if (rating != null) {
                    counts[rating - 1]++;
                    sum += rating;
                    n++;
                }
            }
            Double average = n == 0 ? null : Math.round(sum * 100.0 / n) / 100.0;
            objectives.add(new ObjectiveFeedback(objective.id(), objective.text(), n, average,
                    java.util.Arrays.stream(counts).boxed().toList()));
        }
        List<Attributed> strengths = null;
        List<Attributed> improvements = null;
        List<Attributed> comments = null;
        if (whole) {
            strengths = new ArrayList<>();
            improvements = new ArrayList<>();
            comments = new ArrayList<>();
            for (Answer answer : answers) {
                String role = roles(answer.roles());
                for (String s : answer.submitted().strengths()) {
                    strengths.add(new Attributed(role, s));
                }
                for (String s : answer.submitted().improvements()) {
                    improvements.add(new Attributed(role, s));
                }
                if (answer.submitted().comments() != null) {
                    comments.add(new Attributed(role, answer.submitted().comments()));
                }
            }
        }
        return new FeedbackSummary(status == null ? null : status.wire(), answers.size(), players, objectives, strengths, improvements, comments);
    }

    /** The roles a writer held, without the facilitator's (a co-facilitator answering is rare, and no player). */
    static String roles(Set<Role> roles) {
        String named = roles.stream().filter(r -> r != Role.FACILITATOR).map(Role::wire).sorted().collect(Collectors.joining(", "));
        return named.isEmpty() ? "member" : named;
    }

    /** The appendix as Markdown. */
    String toMarkdown() {
        StringBuilder md = new StringBuilder();
        md.append("\n## Appendix: Participant Feedback Summary\n\n");
        md.append(respondents).append(" of ").append(players).append(" players answered the feedback form")
                .append(status == null ? "" : " (" + status + ")").append(". Ratings: 1 poor to 5 excellent;")
                .append(" texts are attributed by role, not by name.\n\n");
        md.append("| objective | ratings | average | 1 | 2 | 3 | 4 | 5 |\n|---|---|---|---|---|---|---|---|\n");
        for (ObjectiveFeedback o : objectives) {
            md.append("| ").append(AfterActionReport.cell(o.text())).append(" | ").append(o.ratings()).append(" | ")
                    .append(o.average() == null ? "" : String.format(java.util.Locale.ROOT, "%.2f", o.average()));
            o.distribution().forEach(count -> md.append(" | ").append(count));
            md.append(" |\n");
        }
        attributed(md, "Strengths", strengths);
        attributed(md, "Areas for improvement", improvements);
        attributed(md, "Comments", comments);
        return md.toString();
    }

    private static void attributed(StringBuilder md, String heading, List<Attributed> items) {
        if (items == null) {
            return;
        }
        md.append("\n### ").append(heading).append("\n\n");
        if (items.isEmpty()) {
            md.append("None given.\n");
        }
        items.forEach(a -> md.append("- ").append(a.text().replace("\n", " ")).append(" (").append(a.role()).append(")\n"));
    }
}
