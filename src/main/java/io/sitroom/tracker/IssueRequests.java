package io.sitroom.tracker;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.sitroom.clock.WireTime;

/**
 * The requests that create an issue, and what their answers say, per tracker: GitHub's
 * {@code POST /repos/{owner}/{repo}/issues} (REST v3) and Jira's {@code POST /rest/api/3/issue} (the description
 * in Atlassian Document Format). Pure. An issue carries only what the action says to everyone in the room: its
 * title, its owner's name, its due time, and a link back to the room; never the room's title or anything else.
 */
public final class IssueRequests {

    /** Both trackers cut summaries at 255 characters or refuse longer ones. */
    static final int MAX_TITLE = 255;
    static final String GITHUB_API_VERSION = "2022-11-28";

    private IssueRequests() {
    }

    /** What an issue says. {@code roomLink} may be null (no public URL configured): the room is then named by its id. */
    public record Content(UUID actionId, UUID roomId, String title, String ownerName, Instant dueAt, String roomLink) {
    }

    /** A request to send: where, its headers, and its JSON body (a map Jackson writes; null for a GET). */
    public record Request(URI url, Map<String, String> headers, Map<String, Object> body) {
    }

    /** The line of every issue's text that names its action: how a retry finds an issue whose answer was lost. */
    static String marker(UUID actionId) {
        return "Sitroom action: " + actionId;
    }

    /** What the tracker answered for a created issue. */
    public record Created(String id, String key, String url, String state) {
    }

    public static String roomLink(String publicUrl, UUID roomId) {
        if (publicUrl == null || publicUrl.isBlank()) {
            return null;
        }
        return publicUrl.replaceAll("/+$", "") + "/rooms/" + roomId;
    }

    public static Request github(String baseUrl, String repo, String token, Content content) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/vnd.github+json");
        headers.put("X-GitHub-Api-Version", GITHUB_API_VERSION);
        headers.put("Authorization", "Bearer " + token);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title(content));
        body.put("body", String.join("\n\n", lines(content)));
        return new Request(URI.create(trim(baseUrl) + "/repos/" + repo + "/issues"), headers, body);
    }

    /** GitHub's answer: {@code number}, {@code html_url}, {@code state}; the key is {@code owner/repo#number}. */
    public static Created githubCreated(String repo, JsonNode answer) {
        JsonNode number = answer.get("number");
        if (number == null || !number.canConvertToLong()) {
            throw new IllegalArgumentException("GitHub's answer has no issue number");
        }
        return new Created(answer.path("id").asText(null), githubKey(repo, number.asLong()), answer.path("html_url").asText(null),
                answer.path("state").asText("open"));
    }

    /** The repository's newest issues ({@code GET /repos/{owner}/{repo}/issues}), among which a retry looks for its own. */
    public static Request githubLookup(String baseUrl, String repo, String token) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/vnd.github+json");
        headers.put("X-GitHub-Api-Version", GITHUB_API_VERSION);
        headers.put("Authorization", "Bearer " + token);
        return new Request(URI.create(trim(baseUrl) + "/repos/" + repo + "/issues?state=all&sort=created&direction=desc&per_page=100"),
                headers, null);
    }

    /** The issue of the list whose body names the action, if any. */
    public static java.util.Optional<Created> githubFound(String repo, JsonNode issues, UUID actionId) {
        for (JsonNode issue : issues) {
            if (issue.path("body").asText("").contains(marker(actionId)) && issue.path("number").canConvertToLong()) {
                return java.util.Optional.of(githubCreated(repo, issue));
            }
        }
        return java.util.Optional.empty();
    }

    public static String githubKey(String repo, long number) {
        return repo + "#" + number;
    }

    /** Jira: basic auth with the account's e-mail and API token (Jira Cloud), or a bearer personal access token. */
    public static Request jira(String baseUrl, String projectKey, String issueType, TrackerSecrets.Credentials credentials, Content content) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        headers.put("Authorization", authorization(credentials));
        List<Object> paragraphs = new ArrayList<>();
        for (String line : lines(content)) {
            paragraphs.add(paragraph(line, content.roomLink() != null && line.endsWith(content.roomLink()) ? content.roomLink() : null));
        }
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("type", "doc");
        description.put("version", 1);
        description.put("content", paragraphs);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("project", Map.of("key", projectKey));
        fields.put("issuetype", Map.of("name", issueType));
        fields.put("summary", title(content));
        fields.put("description", description);
        return new Request(URI.create(trim(baseUrl) + "/rest/api/3/issue"), headers, Map.of("fields", fields));
    }

    /** Jira's search ({@code GET /rest/api/3/search/jql}) for the project's issue whose text names the action. */
    public static Request jiraLookup(String baseUrl, String projectKey, TrackerSecrets.Credentials credentials, UUID actionId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        headers.put("Authorization", authorization(credentials));
        String jql = "project = \"" + projectKey + "\" AND text ~ \"\\\"" + actionId + "\\\"\"";
        return new Request(URI.create(trim(baseUrl) + "/rest/api/3/search/jql?fields=key&maxResults=1&jql="
                + java.net.URLEncoder.encode(jql, StandardCharsets.UTF_8).replace("+", "%20")), headers, null);
    }

    /** The first issue Jira's search found, if any. */
    public static java.util.Optional<Created> jiraFound(String baseUrl, JsonNode answer) {
        for (JsonNode issue : answer.path("issues")) {
            if (issue.path("key").isTextual()) {
                return java.util.Optional.of(jiraCreated(baseUrl, issue));
            }
        }
        return java.util.Optional.empty();
    }

    private static String authorization(TrackerSecrets.Credentials credentials) {
        return credentials.email() == null ? "Bearer " + credentials.token()
                : "Basic " + Base64.getEncoder().encodeToString((credentials.email() + ":" + credentials.token()).getBytes(StandardCharsets.UTF_8));
    }

    /** Jira's answer: {@code id}, {@code key}, {@code self}; people open the issue at {@code <site>/browse/<key>}. */
    public static Created jiraCreated(String baseUrl, JsonNode answer) {
        String key = answer.path("key").asText(null);
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("Jira's answer has no issue key");
        }
        return new Created(answer.path("id").asText(null), key, trim(baseUrl) + "/browse/" + key, "new");
    }

    private static Map<String, Object> paragraph(String line, String link) {
        List<Object> texts = new ArrayList<>();
        if (link == null) {
            texts.add(Map.of("type", "text", "text", line));
        } else {
            texts.add(Map.of("type", "text", "text", line.substring(0, line.length() - link.length())));
            texts.add(Map.of("type", "text", "text", link, "marks", List.of(Map.of("type", "link", "attrs", Map.of("href", link)))));
        }
        return Map.of("type", "paragraph", "content", texts);
    }

    private static List<String> lines(Content content) {
        List<String> lines = new ArrayList<>();
        lines.add("A follow-up action from a Sitroom incident.");
        if (content.ownerName() != null) {
            lines.add("Owner: " + content.ownerName());
        }
        if (content.dueAt() != null) {
            lines.add("Due: " + WireTime.format(content.dueAt()));
        }
        lines.add(content.roomLink() != null ? "Room: " + content.roomLink() : "Room: " + content.roomId());
        lines.add(marker(content.actionId()));
        return lines;
    }

    private static String title(Content content) {
        return content.title().length() > MAX_TITLE ? content.title().substring(0, MAX_TITLE - 1) + "…" : content.title();
    }

    private static String trim(String baseUrl) {
        return baseUrl.replaceAll("/+$", "");
    }
}
