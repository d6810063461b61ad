package io.sitroom.chat;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;

/** A Teams channel mirrored through a workflow URL (a local fake stands in for Power Automate). */
@QuarkusTest
@WithTestResource(FakeChatPlatforms.class)
class TeamsMirrorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @jakarta.inject.Inject
    io.sitroom.clock.MutableClock clock;

    private record Declared(UUID roomId, UUID channelId) {
    }

    /** Links a Teams user, declares from a channel, and finds the channel Sitroom recorded. */
    private static Declared declare(User ic, String title) {
        String user = UUID.randomUUID().toString();
        String conversation = "19:" + UUID.randomUUID().toString().replace("-", "") + "@thread.tacv2";
        String code = ic.as().post("/api/chat/link-codes").then().statusCode(201).extract().path("code");
        TeamsChatTest.send(TeamsChatTest.activity("l" + code, user, conversation, "link " + code)).then().statusCode(200);
        TeamsChatTest.send(TeamsChatTest.activity("d" + code, user, conversation, "declare sev2 " + title)).then().statusCode(200)
                .body("attachments[0].content.body[0].text", startsWith("Declared"))
                .body("attachments[0].content.actions[0].type", equalTo("Action.OpenUrl"));
        List<Map<String, Object>> rooms = ic.as().get("/api/rooms").then().extract().jsonPath().getList("$");
        UUID roomId = UUID.fromString((String) rooms.stream().filter(r -> title.equals(r.get("title"))).findFirst().orElseThrow().get("id"));
        List<Map<String, Object>> channels = ic.as().get("/api/chat/rooms/" + roomId + "/channels").then().statusCode(200).extract().jsonPath()
                .getList("$");
        assertEquals(1, channels.size());
        assertEquals("teams", channels.get(0).get("platform"));
        assertEquals(conversation, channels.get(0).get("channelId"));
        assertEquals(false, channels.get(0).get("workflow"));
        return new Declared(roomId, UUID.fromString((String) channels.get(0).get("id")));
    }

    private static String workflowUrl(String name) {
        return FakeChatPlatforms.base + "/teams/workflow/" + name;
    }

    private static io.restassured.response.Response setWorkflow(User user, UUID channelId, Object body) {
        return user.as().contentType(ContentType.JSON).body(body).put("/api/chat/channels/" + channelId + "/teams-workflow");
    }

    /** What the workflow received, as cards. */
    private static List<JsonNode> received(String name) {
        List<JsonNode> cards = new ArrayList<>();
        for (FakeChatPlatforms.Call call : FakeChatPlatforms.calls(c -> c.method().equals("teams-workflow:" + name))) {
            try {
                cards.add(JSON.readTree(call.body()));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        return cards;
    }

    private static String line(JsonNode message) {
        // The line as shown: the card's text without the backslashes that escape Markdown.
        return message.path("attachments").path(0).path("content").path("body").path(1).path("text").asText().replace("\\", "");
    }

    private static void awaitCard(String name, String text) {
        FakeChatPlatforms.await(c -> c.method().equals("teams-workflow:" + name) && c.body().contains(text));
    }

    @Test
    void everyEventForEveryone_arrivesAtTheWorkflowInSeqOrder_aLegalOnlyNoteNever() {
        User ic = Api.newUser("Tess Teams");
        User legal = Api.newUser("Lou Legal");
        Declared room = declare(ic, "Teams mirror " + UUID.randomUUID().toString().substring(0, 8));
        Api.addMember(ic, room.roomId(), legal, "legal");
        String name = "wf" + UUID.randomUUID().toString().substring(0, 8);
        setWorkflow(ic, room.channelId(), Map.of("url", workflowUrl(name))).then().statusCode(200).body("workflow", equalTo(true))
                .body("platform", equalTo("teams"));
        long from = Api.headSeq(ic, room.roomId());

        String secret = "privileged-" + UUID.randomUUID();
        Api.accepted(ic, room.roomId(), "note.add", Map.of("text", "Isolated host *web-3*"));
        Api.accepted(ic, room.roomId(), "note.add", Map.of("text", secret, "visibleTo", List.of("legal")));
        Api.accepted(ic, room.roomId(), "update.post", Map.of("audience", "legal", "summary", secret + "-update", "exposure", "some"));
        Api.accepted(ic, room.roomId(), "decision.propose", Map.of("title", "Wipe web-3", "choice", "Wipe web-3", "rationale", "rootkit",
                "approvers", List.of("legal")));
        Api.accepted(ic, room.roomId(), "note.add", Map.of("text", "sentinel after the decision"));
        awaitCard(name, "sentinel after the decision");

        List<JsonNode> cards = received(name);
        assertFalse(cards.stream().anyMatch(c -> c.toString().contains(secret)), "a restricted event reached Teams");
        List<String> inRoom = Api.events(ic, room.roomId()).stream()
                .filter(e -> e.get("visibleTo") == null && ((Number) e.get("seq")).longValue() > from)
                .map(e -> "#" + e.get("seq") + " " + e.get("kind")).toList();
        List<String> inChannel = cards.stream().map(c -> line(c).replaceAll(" by .*$", "")).toList();
        assertEquals(inRoom, inChannel);

        JsonNode message = cards.get(0);
        assertEquals("message", message.path("type").asText());
        JsonNode attachment = message.path("attachments").path(0);
        assertEquals("application/vnd.microsoft.card.adaptive", attachment.path("contentType").asText());
        assertTrue(attachment.has("contentUrl") && attachment.path("contentUrl").isNull(), attachment.toString());
        assertEquals("AdaptiveCard", attachment.path("content").path("type").asText());
        assertTrue(message.toString().contains("Isolated host \\\\*web\\\\-3\\\\*"), "user text is escaped: " + message);

        JsonNode decision = cards.stream().filter(c -> line(c).contains("decision.proposed")).findFirst().orElseThrow();
        JsonNode action = decision.path("attachments").path(0).path("content").path("actions").path(0);
        assertEquals("Action.OpenUrl", action.path("type").asText());
        assertEquals("Approve or reject in Sitroom", action.path("title").asText());
        assertEquals("https://sitroom.example/rooms/" + room.roomId(), action.path("url").asText());
        assertTrue(cards.stream().filter(c -> !line(c).contains("decision.proposed"))
                .allMatch(c -> c.path("attachments").path(0).path("content").path("actions").isMissingNode()), "only the decision has a button");
    }

    @Test
    void aFailedPost_isTriedAgain_andTheOrderHolds_andARemovedWorkflowGetsNothing() {
        User ic = Api.newUser("Rory Retry");
        Declared room = declare(ic, "Teams retry " + UUID.randomUUID().toString().substring(0, 8));
        String name = "wf" + UUID.randomUUID().toString().substring(0, 8);
        setWorkflow(ic, room.channelId(), Map.of("url", workflowUrl(name))).then().statusCode(200);

        FakeChatPlatforms.WORKFLOW_STATUS.put(name, 500);
        Api.accepted(ic, room.roomId(), "note.add", Map.of("text", "posted while the flow is down"));
        awaitCard(name, "posted while the flow is down");
        FakeChatPlatforms.WORKFLOW_STATUS.put(name, 202);
        Api.accepted(ic, room.roomId(), "note.add", Map.of("text", "posted after it recovered"));
        awaitCard(name, "posted after it recovered");
        List<String> texts = received(name).stream().map(c -> c.toString()).toList();
        assertTrue(texts.size() >= 3, texts.toString());
        assertTrue(texts.get(texts.size() - 2).contains("posted while the flow is down"), "the failed post first: " + texts);
        assertTrue(texts.get(texts.size() - 1).contains("posted after it recovered"), texts.toString());

        ic.as().delete("/api/chat/channels/" + room.channelId() + "/teams-workflow").then().statusCode(204);
        ic.as().delete("/api/chat/channels/" + room.channelId() + "/teams-workflow").then().statusCode(404);
        Api.accepted(ic, room.roomId(), "note.add", Map.of("text", "noted without a workflow"));
        String again = name + "b";
        setWorkflow(ic, room.channelId(), Map.of("url", workflowUrl(again))).then().statusCode(200);
        Api.accepted(ic, room.roomId(), "note.add", Map.of("text", "sentinel on the new workflow"));
        awaitCard(again, "sentinel on the new workflow");
        assertTrue(FakeChatPlatforms.calls(c -> c.body() != null && c.body().contains("noted without a workflow")).isEmpty(),
                "an event from while no workflow was set was posted");
    }

    @Test
    void theWorkflowUrl_isForTheIncidentCommanderOrAnAdmin_httpsOnly_andNeverShown() {
        User ic = Api.newUser("Ada Admin-less");
        User legal = Api.newUser("Lex Legal");
        User stranger = Api.newUser("Stan Stranger");
        Declared room = declare(ic, "Teams access " + UUID.randomUUID().toString().substring(0, 8));
        Api.addMember(ic, room.roomId(), legal, "legal");
        String url = workflowUrl("wf-secret-path-" + UUID.randomUUID());

        given().contentType(ContentType.JSON).body(Map.of("url", url)).put("/api/chat/channels/" + room.channelId() + "/teams-workflow").then()
                .statusCode(401);
        setWorkflow(stranger, room.channelId(), Map.of("url", url)).then().statusCode(404);
        setWorkflow(legal, room.channelId(), Map.of("url", url)).then().statusCode(403);
        stranger.as().get("/api/chat/rooms/" + room.roomId() + "/channels").then().statusCode(404);
        legal.as().get("/api/chat/rooms/" + room.roomId() + "/channels").then().statusCode(403);
        legal.as().delete("/api/chat/channels/" + room.channelId() + "/teams-workflow").then().statusCode(403);
        setWorkflow(ic, UUID.randomUUID(), Map.of("url", url)).then().statusCode(404);
        ic.as().contentType(ContentType.JSON).body(Map.of("url", url)).put("/api/chat/channels/not-an-id/teams-workflow").then().statusCode(404);

        for (String bad : new String[] { "http://example.com/workflows/1", "ftp://127.0.0.1/x", "not a url", "https://", "",
                "https://user:pw@example.com/x", "https://169.254.169.254/latest" }) {
            setWorkflow(ic, room.channelId(), Map.of("url", bad)).then().statusCode(400);
        }
        setWorkflow(ic, room.channelId(), Map.of()).then().statusCode(400);
        ic.as().contentType(ContentType.JSON).body("{\"url\":").put("/api/chat/channels/" + room.channelId() + "/teams-workflow").then()
                .statusCode(400);

        String answer = setWorkflow(ic, room.channelId(), Map.of("url", url)).then().statusCode(200).extract().asString();
        assertFalse(answer.contains("wf-secret-path"), answer);
        String listed = ic.as().get("/api/chat/rooms/" + room.roomId() + "/channels").then().statusCode(200).extract().asString();
        assertFalse(listed.contains("wf-secret-path"), listed);
        User admin = new User(null, "admin", "admin", Api.adminToken());
        admin.as().get("/api/chat/rooms/" + room.roomId() + "/channels").then().statusCode(200).body("[0].workflow", equalTo(true));
        String audit = admin.as().get("/api/audit?action=chat.teams_workflow_set").then().statusCode(200).extract().asString();
        assertTrue(audit.contains("room " + room.roomId()), "the change is audited: " + audit);
        assertFalse(audit.contains("wf-secret-path"), "the audit log names the host only");
    }

    @Test
    void theReplyToDecide_opensTheRoomToApproveOrReject_theOnlyActionTeamsAllows() {
        User ic = Api.newUser("Dee Decide");
        String user = UUID.randomUUID().toString();
        String conversation = "19:" + UUID.randomUUID().toString().replace("-", "") + "@thread.tacv2";
        String code = ic.as().post("/api/chat/link-codes").then().statusCode(201).extract().path("code");
        TeamsChatTest.send(TeamsChatTest.activity("l" + code, user, conversation, "link " + code)).then().statusCode(200)
                .body("attachments[0].content.actions", org.hamcrest.Matchers.nullValue());
        String title = "Teams decide " + code;
        TeamsChatTest.send(TeamsChatTest.activity("d" + code, user, conversation, "declare sev2 " + title)).then().statusCode(200);
        List<Map<String, Object>> rooms = ic.as().get("/api/rooms").then().extract().jsonPath().getList("$");
        String roomId = (String) rooms.stream().filter(r -> title.equals(r.get("title"))).findFirst().orElseThrow().get("id");
        TeamsChatTest.send(TeamsChatTest.activity("p" + code, user, conversation, "decide Rotate the keys because leaked")).then()
                .statusCode(200).body("attachments[0].content.body[0].text", startsWith("Recorded"))
                .body("attachments[0].content.actions.size()", equalTo(1))
                .body("attachments[0].content.actions[0].type", equalTo("Action.OpenUrl"))
                .body("attachments[0].content.actions[0].title", equalTo("Approve or reject in Sitroom"))
                .body("attachments[0].content.actions[0].url", equalTo("https://sitroom.example/rooms/" + roomId));
    }

    @Test
    void aSlackChannel_takesNoWorkflowUrl() {
        User ic = Api.newUser("Sia Slack");
        ChatClient.link(clock.instant(), ic, "USLACKWF");
        String title = "Slack no workflow " + UUID.randomUUID().toString().substring(0, 8);
        ChatClient.slash(clock.instant(), "USLACKWF", "CGENERAL", "trig-" + title, "declare sev2 " + title).then().statusCode(200);
        List<Map<String, Object>> rooms = ic.as().get("/api/rooms").then().extract().jsonPath().getList("$");
        UUID roomId = UUID.fromString((String) rooms.stream().filter(r -> title.equals(r.get("title"))).findFirst().orElseThrow().get("id"));
        String channel = (String) ic.as().get("/api/chat/rooms/" + roomId + "/channels").then().statusCode(200).extract().jsonPath()
                .getList("$", Map.class).get(0).get("id");
        setWorkflow(ic, UUID.fromString(channel), Map.of("url", workflowUrl("wf-slack"))).then().statusCode(400);
    }
}
