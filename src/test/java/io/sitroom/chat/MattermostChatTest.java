package io.sitroom.chat;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;

/** Mattermost: token-verified slash commands and buttons in, Slack-compatible incoming-webhook posts out. */
@QuarkusTest
@WithTestResource(FakeChatPlatforms.class)
class MattermostChatTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEAM = "mmteam0000000000000000000a";

    private static Response command(String token, String user, String channel, String channelName, String trigger, String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("channel_id", channel);
        fields.put("channel_name", channelName);
        fields.put("command", "/sitroom");
        fields.put("response_url", "https://mattermost.example/hooks/commands/abc");
        fields.put("team_domain", "acme");
        fields.put("team_id", TEAM);
        fields.put("text", text);
        fields.put("token", token);
        fields.put("trigger_id", trigger);
        fields.put("user_id", user);
        fields.put("user_name", user);
        return given().contentType(ChatClient.FORM).body(ChatClient.form(fields)).post("/api/chat/mattermost/commands");
    }

    private static Response press(String user, String channel, String trigger, Map<String, Object> context) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user_id", user);
        body.put("user_name", user);
        body.put("channel_id", channel);
        body.put("channel_name", "incident-room");
        body.put("team_id", TEAM);
        body.put("team_domain", "acme");
        body.put("post_id", "p" + trigger);
        body.put("trigger_id", trigger);
        body.put("type", "button");
        body.put("data_source", "");
        body.put("context", context);
        return given().contentType("application/json").body(body).post("/api/chat/mattermost/actions");
    }

    private static void link(User user, String mattermostUser) {
        String code = user.as().post("/api/chat/link-codes").then().statusCode(201).extract().path("code");
        command(FakeChatPlatforms.MATTERMOST_TOKEN, mattermostUser, "anychannel", "town-square", UUID.randomUUID().toString(), "link " + code)
                .then().statusCode(200).body("text", startsWith("Linked"));
    }

    @Test
    void declare_mirrorToTheWebhook_approveFromItsButton_once() throws Exception {
        User ic = Api.newUser("Mia Mattermost");
        User legal = Api.newUser("Leo Legal");
        link(ic, "mmic1");
        link(legal, "mmlegal1");
        String channel = "mmchan" + UUID.randomUUID().toString().substring(0, 8);
        String title = "Mattermost incident " + channel;
        command(FakeChatPlatforms.MATTERMOST_TOKEN, "mmic1", channel, channel + "-name", "trig-" + channel, "declare sev2 " + title).then()
                .statusCode(200).body("response_type", equalTo("ephemeral")).body("text", startsWith("Declared"));
        List<Map<String, Object>> rooms = ic.as().get("/api/rooms").then().extract().jsonPath().getList("$");
        UUID roomId = UUID.fromString((String) rooms.stream().filter(r -> title.equals(r.get("title"))).findFirst().orElseThrow().get("id"));
        Api.addMember(ic, roomId, legal, "legal");
        FakeChatPlatforms.await(c -> c.method().equals("mattermost") && c.body().contains("room.created") && c.body().contains(channel + "-name"));

        command(FakeChatPlatforms.MATTERMOST_TOKEN, "mmic1", channel, channel + "-name", "trig-decide-" + channel,
                "decide Wipe the laptop because malware persists approvers: legal").then().statusCode(200).body("text", startsWith("Recorded"));
        JsonNode post = JSON.readTree(FakeChatPlatforms.await(c -> c.method().equals("mattermost") && c.body().contains("decision.proposed")
                && c.body().contains(channel + "-name")).get(0).body());
        JsonNode approve = post.path("attachments").path(0).path("actions").path(0);
        assertEquals("https://sitroom.example/api/chat/mattermost/actions", approve.path("integration").path("url").asText());
        Map<String, Object> context = JSON.convertValue(approve.path("integration").path("context"), Map.class);
        assertEquals("decision.approve", context.get("action"));

        for (int i = 0; i < 2; i++) {
            press("mmlegal1", channel, "trig-press-" + channel, context).then().statusCode(200).body("ephemeral_text", startsWith("Recorded"));
        }
        assertEquals(1, Api.events(ic, roomId, "decision.approved").size());
        FakeChatPlatforms.await(c -> c.method().equals("mattermost") && c.body().contains("decision.approved") && c.body().contains(channel + "-name"));
    }

    @Test
    void aWrongToken_is401_andAppendsNothing() {
        User ic = Api.newUser("Tom Token");
        link(ic, "mmic2");
        String channel = "mmchan" + UUID.randomUUID().toString().substring(0, 8);
        command("not-the-token", "mmic2", channel, "x", "t-" + channel, "declare sev1 Forged " + channel).then().statusCode(401);
        command("", "mmic2", channel, "x", "t2-" + channel, "declare sev1 Forged " + channel).then().statusCode(401);
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("token", "not-the-token");
        context.put("action", "decision.approve");
        context.put("value", UUID.randomUUID().toString());
        press("mmic2", channel, "t3-" + channel, context).then().statusCode(401);
        List<Map<String, Object>> rooms = ic.as().get("/api/rooms").then().extract().jsonPath().getList("$");
        assertTrue(rooms.isEmpty());
        given().contentType("application/json").body("{not json").post("/api/chat/mattermost/actions").then().statusCode(400);
    }
}
