package io.sitroom.tracker;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.sitroom.testing.Api;
import io.sitroom.verify.ExportVerifier;
import io.sitroom.testing.Api.User;

/**
 * Follow-up sync against a local fake of GitHub's and Jira's issue APIs (the documented requests and answers):
 * links on request and for post-incident actions, retries without duplicates, state back by signed webhooks,
 * and credentials that never leave the server nor sit in the database in clear.
 */
@QuarkusTest
class TrackerSyncTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "ghp_fakeTokenNeverInClear1234567890";
    private static final String JIRA_TOKEN = "jira-api-token-never-in-clear-0987";
    private static final String SECRET = "webhook-secret-for-the-tests-0123456789";
    private static final String LEGAL_ONLY = "the insurer's counsel says: do not admit fault";

    @Inject
    LinkWorker worker;

    @Inject
    EntityManager entityManager;

    /** A request the fake tracker received. */
    record Received(String method, String path, String authorization, String apiVersion, JsonNode body) {
    }

    HttpServer fake;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresToAnswer = new AtomicInteger();
    final AtomicInteger created = new AtomicInteger();

    /** The issues the fake holds, by their text (GitHub's body, Jira's description as JSON), for its lookups. */
    final List<Map<String, Object>> githubIssues = new CopyOnWriteArrayList<>();
    final List<Map<String, Object>> jiraIssues = new CopyOnWriteArrayList<>();
    /** Issues to create and then answer 502 for, as if the answer was lost on its way back. */
    final AtomicInteger answersToLose = new AtomicInteger();

    @BeforeEach
    void startFake() throws IOException {
        fake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // GitHub REST v3: POST /repos/{owner}/{repo}/issues answers 201 with the issue (number, html_url, state);
        // GET lists the repository's issues, newest first.
        fake.createContext("/repos/", exchange -> {
            if (exchange.getRequestMethod().equals("GET")) {
                received.add(new Received("GET", exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Authorization"),
                        exchange.getRequestHeaders().getFirst("X-GitHub-Api-Version"), null));
                List<Map<String, Object>> newestFirst = new java.util.ArrayList<>(githubIssues);
                java.util.Collections.reverse(newestFirst);
                send(exchange, 200, JSON.writeValueAsBytes(newestFirst));
                return;
            }
            answer(exchange, (number, body) -> {
                Map<String, Object> issue = Map.of("id", 1000 + number, "number", number, "html_url", "https://github.example/acme/ops/issues/" + number,
                        "state", "open", "title", body.get("title").asText(), "body", body.get("body").asText());
                githubIssues.add(issue);
                return issue;
            });
        });
        // Jira REST v3: POST /rest/api/3/issue answers 201 with id, key and self; GET /rest/api/3/search/jql finds by text.
        fake.createContext("/rest/api/3/issue", exchange -> answer(exchange, (number, body) -> {
            Map<String, Object> issue = Map.of("id", String.valueOf(10000 + number), "key", "OPS-" + number,
                    "self", base() + "/rest/api/3/issue/" + (10000 + number));
            jiraIssues.add(Map.of("issue", issue, "text", body.at("/fields/description").toString()));
            return issue;
        }));
        fake.createContext("/rest/api/3/search/jql", exchange -> {
            String jql = java.net.URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
            received.add(new Received("GET", exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Authorization"), null,
                    null));
            List<Object> found = jiraIssues.stream().filter(i -> {
                String text = (String) i.get("text");
                return java.util.regex.Pattern.compile("[0-9a-f-]{36}").matcher(jql).results().anyMatch(m -> text.contains(m.group()));
            }).map(i -> i.get("issue")).toList();
            send(exchange, 200, JSON.writeValueAsBytes(Map.of("issues", found, "isLast", true)));
        });
        fake.start();
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private void answer(HttpExchange exchange, java.util.function.BiFunction<Integer, JsonNode, Map<String, Object>> issue) throws IOException {
        JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestHeaders().getFirst("X-GitHub-Api-Version"), body));
        byte[] badGateway = "{\"message\":\"Bad Gateway\"}".getBytes(StandardCharsets.UTF_8);
        if (failuresToAnswer.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            send(exchange, 502, badGateway);
            return;
        }
        byte[] answer = JSON.writeValueAsBytes(issue.apply(created.incrementAndGet(), body));
        if (answersToLose.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            send(exchange, 502, badGateway);
            return;
        }
        send(exchange, 201, answer);
    }

    private List<Received> posts() {
        return received.stream().filter(r -> r.method().equals("POST")).toList();
    }

    @AfterEach
    void stopFake() {
        fake.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + fake.getAddress().getPort();
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return RestAssured.given().auth().oauth2(Api.adminToken()).contentType(ContentType.JSON);
    }

    private String github(boolean everyPostIncidentAction) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Ops repo", "kind", "github", "baseUrl", base(), "target", "acme/ops",
                "token", TOKEN, "webhookSecret", SECRET, "createForPostIncident", everyPostIncidentAction, "closeCompletes", true));
        return admin().body(body).post("/api/admin/trackers").then().statusCode(201).extract().path("id");
    }

    private String jira() {
        return admin().body(Map.of("name", "Ops Jira", "kind", "jira", "baseUrl", base(), "target", "OPS", "issueType", "Task",
                "email", "ops@acme.test", "token", JIRA_TOKEN, "webhookSecret", SECRET, "closeCompletes", true))
                .post("/api/admin/trackers").then().statusCode(201).extract().path("id");
    }

    private static String action(User user, UUID room, String title, Map<String, Object> more) {
        Map<String, Object> data = new HashMap<>(more);
        data.put("title", title);
        long seq = Api.accepted(user, room, "action.create", data);
        return user.as().get("/api/rooms/" + room + "/events?since=" + (seq - 1) + "&limit=1").then().statusCode(200).extract()
                .path("events[0].data.actionId");
    }

    /** Works the link queue until the room has an event of this kind (the outcome is the sentinel), at most 15 s. */
    private Map<String, Object> awaitEvent(User user, UUID room, String kind, int count) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(15));
        while (true) {
            worker.work();
            List<Map<String, Object>> events = Api.events(user, room, kind);
            if (events.size() >= count) {
                return events.get(count - 1);
            }
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("no " + kind + " in room " + room + " after 15 s; events: " + Api.events(user, room));
            }
            Thread.sleep(50);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> event) {
        return (Map<String, Object>) event.get("data");
    }

    private Response webhook(String trackerId, String header, String signature, String event, String body) {
        var request = RestAssured.given().contentType(ContentType.JSON).header(header, signature).body(body.getBytes(StandardCharsets.UTF_8));
        if (event != null) {
            request = request.header("X-GitHub-Event", event);
        }
        return request.post("/api/trackers/" + trackerId + "/webhook");
    }

    private static String githubClosed(long number) {
        return "{\"action\":\"closed\",\"issue\":{\"number\":" + number + ",\"state\":\"closed\",\"state_reason\":\"completed\"},"
                + "\"repository\":{\"full_name\":\"acme/ops\"},\"sender\":{\"login\":\"octocat\"}}";
    }

    @Test
    void github_anActionLinkedOnRequest_carriesOnlyWhatTheActionSays_andAClosedIssueCompletesIt() throws Exception {
        String tracker = github(false);
        User ic = Api.newUser("Ines");
        User lea = Api.newUser("Lea Legal");
        UUID room = Api.newIncident(ic, "Breach at the plant: secret room title");
        Api.addMember(ic, room, lea, "legal");
        Api.accepted(ic, room, "note.add", Map.of("text", LEGAL_ONLY, "visibleTo", List.of("legal")));
        String actionId = action(ic, room, "Rotate the VPN keys", Map.of("ownerId", lea.id().toString(),
                "dueAt", Instant.now().plus(Duration.ofDays(3)).toString()));
        ic.as().get("/api/trackers").then().statusCode(200).body("id", hasItem(tracker));

        Api.accepted(lea, room, "action.track", Map.of("actionId", actionId, "trackerId", tracker));
        Map<String, Object> linked = data(awaitEvent(ic, room, "action.linked", 1));

        assertEquals(1, received.size());
        Received request = received.get(0);
        assertEquals("POST", request.method());
        assertEquals("/repos/acme/ops/issues", request.path());
        assertEquals("Bearer " + TOKEN, request.authorization());
        assertEquals("2022-11-28", request.apiVersion());
        assertEquals("Rotate the VPN keys", request.body().get("title").asText());
        String sent = request.body().toString();
        assertTrue(sent.contains("Owner: Lea Legal"), sent);
        assertFalse(sent.contains("insurer"), "a legal-only note never reaches the tracker: " + sent);
        assertFalse(sent.contains("secret room title"), "nor the room's title: " + sent);

        String key = (String) linked.get("key");
        assertTrue(key.matches("acme/ops#\\d+"), key);
        ic.as().get("/api/rooms/" + room).then().statusCode(200)
                .body("actionLinks[0].actionId", equalTo(actionId)).body("actionLinks[0].status", equalTo("linked"))
                .body("actionLinks[0].key", equalTo(key)).body("actionLinks[0].tracker", equalTo("Ops repo"));
        Api.command(ic, room, "action.track", Map.of("actionId", actionId, "trackerId", tracker)).then().statusCode(409);

        long number = Long.parseLong(key.substring(key.indexOf('#') + 1));
        String closed = githubClosed(number);
        webhook(tracker, "X-Hub-Signature-256", Signatures.sign(SECRET, closed.getBytes(StandardCharsets.UTF_8)), "issues", closed)
                .then().statusCode(200).body("result", equalTo("recorded"));
        Map<String, Object> state = data(Api.events(ic, room, "action.tracker_state").get(0));
        assertEquals("closed", state.get("state"));
        assertEquals("done", data(Api.events(ic, room, "action.updated").get(0)).get("to"));
        ic.as().get("/api/rooms/" + room).then().body("actions[0].status", equalTo("done")).body("actionLinks[0].remoteState", equalTo("closed"));

        // The export's links are proven by their events, and a link changed in the file is caught at its field.
        String export = ic.as().get("/api/rooms/" + room + "/export?format=json").then().statusCode(200).extract().asString();
        ExportVerifier.Result verified = ExportVerifier.verify(export);
        assertTrue(verified.ok() && verified.proven().sections().contains("room.actionLinks"), verified.toString());
        JsonNode tampered = JSON.readTree(export);
        ((ObjectNode) tampered.path("room").path("actionLinks").get(0)).put("key", "acme/ops#999999");
        ExportVerifier.Result caught = ExportVerifier.verify(JSON.writeValueAsString(tampered));
        assertTrue(!caught.ok() && caught.reason().startsWith("room.actionLinks[0].key: the file says \"acme/ops#999999\""), caught.toString());

        // The same delivery again records nothing new.
        long head = Api.headSeq(ic, room);
        webhook(tracker, "X-Hub-Signature-256", Signatures.sign(SECRET, closed.getBytes(StandardCharsets.UTF_8)), "issues", closed)
                .then().statusCode(200).body("result", equalTo("unchanged"));
        assertEquals(head, Api.headSeq(ic, room));
    }

    @Test
    void aBadSignature_isRefused401_andAppendsNothing_unknownIssuesAreIgnored_andMalformedBodies400() throws Exception {
        String tracker = github(false);
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Signatures");
        String actionId = action(ic, room, "Patch the firewall", Map.of());
        Api.accepted(ic, room, "action.track", Map.of("actionId", actionId, "trackerId", tracker));
        String key = (String) data(awaitEvent(ic, room, "action.linked", 1)).get("key");
        long number = Long.parseLong(key.substring(key.indexOf('#') + 1));
        long head = Api.headSeq(ic, room);

        String closed = githubClosed(number);
        webhook(tracker, "X-Hub-Signature-256", Signatures.sign("not the secret", closed.getBytes(StandardCharsets.UTF_8)), "issues", closed)
                .then().statusCode(401);
        webhook(tracker, "X-Hub-Signature-256", "sha256=00", "issues", closed).then().statusCode(401);
        RestAssured.given().contentType(ContentType.JSON).header("X-GitHub-Event", "issues").body(closed)
                .post("/api/trackers/" + tracker + "/webhook").then().statusCode(401);
        webhook(UUID.randomUUID().toString(), "X-Hub-Signature-256", Signatures.sign(SECRET, closed.getBytes(StandardCharsets.UTF_8)), "issues",
                closed).then().statusCode(401);
        assertEquals(head, Api.headSeq(ic, room), "nothing appended");

        String unknown = githubClosed(987654);
        webhook(tracker, "X-Hub-Signature-256", Signatures.sign(SECRET, unknown.getBytes(StandardCharsets.UTF_8)), "issues", unknown)
                .then().statusCode(200).body("result", equalTo("ignored: no action is linked to acme/ops#987654"));
        String ping = "{\"zen\":\"Design for failure.\",\"hook_id\":1}";
        webhook(tracker, "X-Hub-Signature-256", Signatures.sign(SECRET, ping.getBytes(StandardCharsets.UTF_8)), "ping", ping)
                .then().statusCode(200);
        for (String bad : List.of("not json", "[1,2]", "{\"action\":\"closed\",\"issue\":{\"number\":\"x\"},\"repository\":{\"full_name\":\"acme/ops\"}}")) {
            webhook(tracker, "X-Hub-Signature-256", Signatures.sign(SECRET, bad.getBytes(StandardCharsets.UTF_8)), "issues", bad)
                    .then().statusCode(400).body("error.code", equalTo("invalid"));
        }
        assertEquals(head, Api.headSeq(ic, room), "nothing appended");
    }

    @Test
    void aFailedAttempt_isRetried_withoutASecondIssue() throws Exception {
        String tracker = github(false);
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Retries");
        String actionId = action(ic, room, "Restore backups", Map.of());
        failuresToAnswer.set(1);
        Api.accepted(ic, room, "action.track", Map.of("actionId", actionId, "trackerId", tracker));
        awaitEvent(ic, room, "action.linked", 1);
        assertEquals(2, posts().size(), "one 502, then one created");
        assertEquals(1, created.get(), "one issue");
        int requests = received.size();
        for (int i = 0; i < 3; i++) {
            worker.work();
        }
        assertEquals(requests, received.size(), "nothing more is sent once linked");
        assertEquals(1, Api.events(ic, room, "action.linked").size());
    }

    @Test
    void anIssueCreatedWhoseAnswerWasLost_isFoundOnRetry_notCreatedAgain() throws Exception {
        for (String tracker : List.of(github(false), jira())) {
            received.clear();
            created.set(0);
            User ic = Api.newUser("Ines");
            UUID room = Api.newIncident(ic, "Lost answers");
            String actionId = action(ic, room, "Renew the certificate", Map.of());
            answersToLose.set(1);
            Api.accepted(ic, room, "action.track", Map.of("actionId", actionId, "trackerId", tracker));
            Map<String, Object> linked = data(awaitEvent(ic, room, "action.linked", 1));
            assertEquals(1, created.get(), "one issue, made by the first attempt: " + received);
            assertEquals(1, posts().size(), "found by the lookup, not created again: " + received);
            assertTrue(received.stream().anyMatch(r -> r.method().equals("GET")), "looked up");
            assertTrue(githubIssues.stream().anyMatch(i -> i.get("html_url").equals(linked.get("url")))
                    || linked.get("url").equals(base() + "/browse/" + linked.get("key")), linked.toString());
        }
    }

    @Test
    void anIssueCreatedWhoseOutcomeWasNotRecorded_isRecordedOnRetry_notCreatedAgain() throws Exception {
        String tracker = github(false);
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Idempotent");
        String actionId = action(ic, room, "Review access", Map.of());
        failuresToAnswer.set(1_000);
        Api.accepted(ic, room, "action.track", Map.of("actionId", actionId, "trackerId", tracker));
        // The first attempt may run on the worker's own thread (kicked by the append): wait until its failure is recorded,
        // so that what follows does not race its write.
        while (lastError(UUID.fromString(actionId), UUID.fromString(tracker)) == null) {
            worker.work();
            Thread.sleep(20);
        }
        // As if the tracker had created #77 and the node died before action.linked was appended.
        keepCreatedIssue(UUID.fromString(actionId), UUID.fromString(tracker), "acme/ops#77", "https://github.example/acme/ops/issues/77");
        int requests = received.size();
        Map<String, Object> linked = data(awaitEvent(ic, room, "action.linked", 1));
        assertEquals("acme/ops#77", linked.get("key"));
        assertEquals(requests, received.size(), "the kept issue is recorded, no new one is asked for");
        failuresToAnswer.set(0);
    }

    @Transactional
    String lastError(UUID actionId, UUID trackerId) {
        return TrackerLink.of(actionId, trackerId).lastError;
    }

    @Transactional
    void keepCreatedIssue(UUID actionId, UUID trackerId, String key, String url) {
        TrackerLink link = TrackerLink.of(actionId, trackerId);
        link.remoteKey = key;
        link.remoteUrl = url;
        link.nextAttemptAt = Instant.now().minusSeconds(1);
    }

    @Test
    void everyPostIncidentAction_isLinkedWithoutAsking_whenTheTrackerSaysSo() throws Exception {
        String tracker = github(true);
        try {
            User ic = Api.newUser("Ines");
            UUID room = Api.newIncident(ic, "Lessons");
            action(ic, room, "Before the review", Map.of());
            Api.accepted(ic, room, "room.phase", Map.of("phase", "post_incident"));
            String actionId = action(ic, room, "Write the runbook", Map.of());
            Map<String, Object> requested = data(Api.events(ic, room, "action.link_requested").get(0));
            assertEquals(actionId, requested.get("actionId"));
            assertEquals(true, requested.get("automatic"));
            assertEquals(1, Api.events(ic, room, "action.link_requested").size(), "actions from before the phase are not linked");
            awaitEvent(ic, room, "action.linked", 1);
            assertEquals("Write the runbook", posts().get(0).body().get("title").asText());
        } finally {
            admin().delete("/api/admin/trackers/" + tracker).then().statusCode(204);
        }
    }

    @Test
    void jira_issueCreatedWithAnAtlassianDocument_andItsDoneStatusComesBack() throws Exception {
        String tracker = jira();
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Jira");
        String actionId = action(ic, room, "Replace the certificates", Map.of());
        Api.accepted(ic, room, "action.track", Map.of("actionId", actionId, "trackerId", tracker));
        Map<String, Object> linked = data(awaitEvent(ic, room, "action.linked", 1));
        Received request = posts().get(0);
        assertEquals("/rest/api/3/issue", request.path());
        assertEquals("Basic " + java.util.Base64.getEncoder().encodeToString(("ops@acme.test:" + JIRA_TOKEN).getBytes(StandardCharsets.UTF_8)),
                request.authorization());
        assertEquals("OPS", request.body().at("/fields/project/key").asText());
        assertEquals("Task", request.body().at("/fields/issuetype/name").asText());
        assertEquals("Replace the certificates", request.body().at("/fields/summary").asText());
        assertEquals("doc", request.body().at("/fields/description/type").asText());
        String key = (String) linked.get("key");
        assertTrue(key.startsWith("OPS-"), key);
        assertEquals(base() + "/browse/" + key, linked.get("url"));

        String done = "{\"timestamp\":1,\"webhookEvent\":\"jira:issue_updated\",\"issue_event_type_name\":\"issue_generic\","
                + "\"issue\":{\"id\":\"10001\",\"key\":\"" + key + "\",\"fields\":{\"status\":{\"name\":\"Done\",\"statusCategory\":"
                + "{\"id\":3,\"key\":\"done\",\"name\":\"Done\"}}}},\"changelog\":{\"id\":\"1\",\"items\":[{\"field\":\"status\","
                + "\"fieldtype\":\"jira\",\"fieldId\":\"status\",\"fromString\":\"In Progress\",\"toString\":\"Done\"}]}}";
        webhook(tracker, "X-Hub-Signature-256", Signatures.sign(SECRET, done.getBytes(StandardCharsets.UTF_8)), null, done)
                .then().statusCode(401);
        webhook(tracker, "X-Hub-Signature", Signatures.sign(SECRET, done.getBytes(StandardCharsets.UTF_8)), null, done)
                .then().statusCode(200).body("result", equalTo("recorded"));
        assertEquals("done", data(Api.events(ic, room, "action.tracker_state").get(0)).get("state"));
        assertEquals("done", data(Api.events(ic, room, "action.updated").get(0)).get("to"));
    }

    @Test
    void credentials_areNeverReturned_norStoredInClear_andOnlyTheAdminConfiguresTrackers() {
        String tracker = jira();
        String listed = admin().get("/api/admin/trackers").then().statusCode(200)
                .body("find { it.id == '" + tracker + "' }.credentialsSet", equalTo(true))
                .body("find { it.id == '" + tracker + "' }.webhookSecretSet", equalTo(true))
                .body("find { it.id == '" + tracker + "' }.auth", equalTo("basic")).extract().asString();
        assertFalse(listed.contains(JIRA_TOKEN) || listed.contains(SECRET) || listed.contains("ops@acme.test"), listed);
        Object[] row = row(UUID.fromString(tracker));
        String stored = row[0] + " " + row[1];
        assertFalse(stored.contains(JIRA_TOKEN) || stored.contains(SECRET) || stored.contains("ops@acme.test"), stored);
        String audited = admin().get("/api/audit").then().extract().asString();
        assertFalse(audited.contains(JIRA_TOKEN) || audited.contains(SECRET), "the audit log holds no secret");

        User someone = Api.newUser("Someone");
        someone.as().body(Map.of("name", "Mine", "kind", "github", "target", "a/b", "token", "t", "webhookSecret", SECRET))
                .post("/api/admin/trackers").then().statusCode(403);
        someone.as().get("/api/admin/trackers").then().statusCode(403);
        String choices = someone.as().get("/api/trackers").then().statusCode(200).extract().asString();
        assertFalse(choices.contains(JIRA_TOKEN) || choices.contains(base()), choices);
        admin().body(Map.of("name", "Bad", "kind", "github", "target", "not a repo", "token", "t", "webhookSecret", SECRET))
                .post("/api/admin/trackers").then().statusCode(400).body("error.code", equalTo("invalid"));
        admin().body(Map.of("name", "Bad", "kind", "gitlab", "target", "a/b", "token", "t", "webhookSecret", SECRET))
                .post("/api/admin/trackers").then().statusCode(400);
    }

    @Transactional
    Object[] row(UUID id) {
        return (Object[]) entityManager.createNativeQuery("select credentials_sealed, webhook_secret_sealed from tracker where id = ?1")
                .setParameter(1, id).getSingleResult();
    }
}
