package io.sitroom.tracker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class IssueRequestsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final UUID ACTION = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID ROOM = UUID.fromString("00000000-0000-0000-0000-000000000100");
    private static final IssueRequests.Content CONTENT = new IssueRequests.Content(ACTION, ROOM, "Rotate the VPN keys", "Lea Legal",
            Instant.parse("2026-12-24T09:00:00Z"), IssueRequests.roomLink("https://sitroom.example.com/", ROOM));

    @Test
    void github_postsTitleAndBody_toTheRepositorysIssues_withTheDocumentedHeaders() throws Exception {
        IssueRequests.Request request = IssueRequests.github("https://api.github.com/", "acme/ops", "ghp_secret", CONTENT);
        assertEquals("https://api.github.com/repos/acme/ops/issues", request.url().toString());
        assertEquals("application/vnd.github+json", request.headers().get("Accept"));
        assertEquals("2022-11-28", request.headers().get("X-GitHub-Api-Version"));
        assertEquals("Bearer ghp_secret", request.headers().get("Authorization"));
        assertEquals(List.of("title", "body"), List.copyOf(request.body().keySet()));
        assertEquals("Rotate the VPN keys", request.body().get("title"));
        String body = (String) request.body().get("body");
        assertTrue(body.contains("Owner: Lea Legal"), body);
        assertTrue(body.contains("Due: 2026-12-24T09:00:00.000Z"), body);
        assertTrue(body.contains("https://sitroom.example.com/rooms/" + ROOM), body);
    }

    @Test
    void github_answer_givesRepoAndNumberAsKey() throws Exception {
        JsonNode answer = MAPPER.readTree("{\"id\":1,\"number\":1347,\"html_url\":\"https://github.com/acme/ops/issues/1347\",\"state\":\"open\"}");
        IssueRequests.Created created = IssueRequests.githubCreated("acme/ops", answer);
        assertEquals("acme/ops#1347", created.key());
        assertEquals("https://github.com/acme/ops/issues/1347", created.url());
        assertThrows(IllegalArgumentException.class, () -> IssueRequests.githubCreated("acme/ops", MAPPER.readTree("{}")));
    }

    @Test
    void jira_postsFieldsWithAnAtlassianDocument_andBasicAuthOfEmailAndToken() throws Exception {
        IssueRequests.Request request = IssueRequests.jira("https://acme.atlassian.net", "OPS", "Task",
                new TrackerSecrets.Credentials("ops@acme.test", "api-token"), CONTENT);
        assertEquals("https://acme.atlassian.net/rest/api/3/issue", request.url().toString());
        assertEquals("Basic " + Base64.getEncoder().encodeToString("ops@acme.test:api-token".getBytes()), request.headers().get("Authorization"));
        JsonNode fields = MAPPER.valueToTree(request.body()).get("fields");
        assertEquals("OPS", fields.at("/project/key").asText());
        assertEquals("Task", fields.at("/issuetype/name").asText());
        assertEquals("Rotate the VPN keys", fields.get("summary").asText());
        JsonNode doc = fields.get("description");
        assertEquals("doc", doc.get("type").asText());
        assertEquals(1, doc.get("version").asInt());
        assertEquals("paragraph", doc.at("/content/0/type").asText());
        String text = doc.findValuesAsText("text").toString();
        assertTrue(text.contains("Owner: Lea Legal"), text);
        assertTrue(doc.findValues("href").stream().anyMatch(h -> h.asText().equals("https://sitroom.example.com/rooms/" + ROOM)), doc.toString());
        IssueRequests.Request bearer = IssueRequests.jira("https://jira.acme.test", "OPS", "Task", new TrackerSecrets.Credentials(null, "pat"),
                CONTENT);
        assertEquals("Bearer pat", bearer.headers().get("Authorization"));
    }

    @Test
    void jira_answer_givesKeyAndBrowseUrl() throws Exception {
        JsonNode answer = MAPPER.readTree("{\"id\":\"10000\",\"key\":\"OPS-24\",\"self\":\"https://acme.atlassian.net/rest/api/3/issue/10000\"}");
        IssueRequests.Created created = IssueRequests.jiraCreated("https://acme.atlassian.net/", answer);
        assertEquals("OPS-24", created.key());
        assertEquals("https://acme.atlassian.net/browse/OPS-24", created.url());
    }

    @Test
    void titles_areCutToWhatTrackersAccept_andWithoutAPublicUrlTheRoomIsNamedByItsId() {
        IssueRequests.Content longTitle = new IssueRequests.Content(ACTION, ROOM, "x".repeat(500), null, null, null);
        IssueRequests.Request request = IssueRequests.github("https://api.github.com", "acme/ops", "t", longTitle);
        assertEquals(IssueRequests.MAX_TITLE, ((String) request.body().get("title")).length());
        assertTrue(((String) request.body().get("body")).contains("Room: " + ROOM));
    }

    @Test
    void lookups_findTheIssueWhoseTextNamesTheAction() throws Exception {
        IssueRequests.Request list = IssueRequests.githubLookup("https://api.github.com", "acme/ops", "t");
        assertEquals("https://api.github.com/repos/acme/ops/issues?state=all&sort=created&direction=desc&per_page=100", list.url().toString());
        assertEquals(null, list.body());
        String body = (String) IssueRequests.github("https://api.github.com", "acme/ops", "t", CONTENT).body().get("body");
        JsonNode issues = MAPPER.valueToTree(List.of(java.util.Map.of("number", 3, "body", "another"),
                java.util.Map.of("number", 2, "body", body, "html_url", "https://github.com/acme/ops/issues/2")));
        assertEquals("acme/ops#2", IssueRequests.githubFound("acme/ops", issues, ACTION).orElseThrow().key());
        assertTrue(IssueRequests.githubFound("acme/ops", issues, UUID.randomUUID()).isEmpty());

        IssueRequests.Request search = IssueRequests.jiraLookup("https://acme.atlassian.net", "OPS", new TrackerSecrets.Credentials(null, "pat"),
                ACTION);
        assertEquals("/rest/api/3/search/jql", search.url().getPath());
        assertEquals("project = \"OPS\" AND text ~ \"\\\"" + ACTION + "\\\"\"", java.net.URLDecoder.decode(
                search.url().getRawQuery().substring(search.url().getRawQuery().indexOf("jql=") + 4), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("OPS-9", IssueRequests.jiraFound("https://acme.atlassian.net", MAPPER.readTree("{\"issues\":[{\"id\":\"1\",\"key\":\"OPS-9\"}]}"))
                .orElseThrow().key());
    }
}
