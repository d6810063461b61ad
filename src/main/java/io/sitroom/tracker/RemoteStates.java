package io.sitroom.tracker;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.sitroom.error.SitroomException;

/**
 * Reads what a tracker's webhook says about an issue's state. Pure. Deliveries about something else (a GitHub
 * {@code ping}, an issue edited, a Jira update that did not touch the status) say nothing: empty.
 */
public final class RemoteStates {

    private RemoteStates() {
    }

    /**
     * An issue's state as the tracker reported it. {@code key}: the issue as {@link IssueRequests} names it;
     * {@code closed}: the remote work is over; {@code completed}: closed as done (not GitHub's "not planned").
     */
    public record Change(String key, String state, String status, boolean closed, boolean completed) {
    }

    /** GitHub's {@code issues} event ({@code X-GitHub-Event: issues}), actions {@code closed} and {@code reopened}. */
    public static Optional<Change> github(String event, JsonNode body) {
        if (!"issues".equals(event)) {
            return Optional.empty();
        }
        String action = text(body, "action");
        if (!"closed".equals(action) && !"reopened".equals(action)) {
            return Optional.empty();
        }
        JsonNode issue = object(body, "issue");
        JsonNode repository = object(body, "repository");
        JsonNode number = issue.get("number");
        String repo = text(repository, "full_name");
        if (number == null || !number.canConvertToLong()) {
            throw SitroomException.invalid("issue.number must be a number");
        }
        boolean closed = "closed".equals(action);
        String reason = issue.path("state_reason").isTextual() ? issue.get("state_reason").asText() : null;
        return Optional.of(new Change(IssueRequests.githubKey(repo, number.asLong()), closed ? "closed" : "open", reason, closed,
                closed && !"not_planned".equals(reason)));
    }

    /** Jira's {@code jira:issue_updated} whose changelog changed the status; the state is the status's category. */
    public static Optional<Change> jira(JsonNode body) {
        if (!"jira:issue_updated".equals(text(body, "webhookEvent"))) {
            return Optional.empty();
        }
        boolean statusChanged = false;
        for (JsonNode item : body.path("changelog").path("items")) {
            if ("status".equals(item.path("fieldId").asText(null)) || "status".equals(item.path("field").asText(null))) {
                statusChanged = true;
            }
        }
        if (!statusChanged) {
            return Optional.empty();
        }
        JsonNode issue = object(body, "issue");
        String key = text(issue, "key");
        JsonNode status = issue.path("fields").path("status");
        String category = status.path("statusCategory").path("key").asText(null);
        if (category == null || category.isBlank()) {
            throw SitroomException.invalid("issue.fields.status.statusCategory.key is missing");
        }
        boolean done = "done".equals(category);
        return Optional.of(new Change(key, category, status.path("name").asText(null), done, done));
    }

    private static JsonNode object(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || !node.isObject()) {
            throw SitroomException.invalid(field + " must be an object");
        }
        return node;
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw SitroomException.invalid(field + " must be a non-empty string");
        }
        return node.asText();
    }
}
