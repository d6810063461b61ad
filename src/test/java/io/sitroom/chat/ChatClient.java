package io.sitroom.chat;

import static io.restassured.RestAssured.given;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.restassured.response.Response;
import io.sitroom.testing.Api;

/** Requests as Slack sends them: form bodies signed with the v0 scheme (computed here, independently of the server). */
final class ChatClient {

    static final String TEAM = "T0SITROOM";
    static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";

    private ChatClient() {
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static String signature(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Response signed(String path, String contentType, String body, Instant now) {
        long ts = now.getEpochSecond();
        return given().contentType(contentType).header("X-Slack-Request-Timestamp", String.valueOf(ts))
                .header("X-Slack-Signature", signature(FakeChatPlatforms.SLACK_SECRET, ts, body)).body(body).post(path);
    }

    /** A slash command as Slack posts it (the documented fields). */
    static String slashBody(String user, String channel, String trigger, String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("token", "gIkuvaNzQIHg97ATvDxqgjtO");
        fields.put("team_id", TEAM);
        fields.put("team_domain", "acme");
        fields.put("channel_id", channel);
        fields.put("channel_name", "general");
        fields.put("user_id", user);
        fields.put("user_name", user.toLowerCase());
        fields.put("command", "/sitroom");
        fields.put("text", text);
        fields.put("api_app_id", "A123456");
        fields.put("response_url", "https://hooks.slack.com/commands/T0SITROOM/1234/abcd");
        fields.put("trigger_id", trigger);
        return form(fields);
    }

    static Response slash(Instant now, String user, String channel, String trigger, String text) {
        return signed("/api/chat/slack/commands", FORM, slashBody(user, channel, trigger, text), now);
    }

    /** A block_actions payload for one button, as Slack posts it (form field {@code payload}). */
    static String buttonBody(String user, String channel, String trigger, String actionId, String value) {
        String payload = "{\"type\":\"block_actions\",\"team\":{\"id\":\"" + TEAM + "\",\"domain\":\"acme\"},"
                + "\"user\":{\"id\":\"" + user + "\",\"username\":\"someone\",\"team_id\":\"" + TEAM + "\"},"
                + "\"api_app_id\":\"A123456\",\"token\":\"gIkuvaNzQIHg97ATvDxqgjtO\","
                + "\"container\":{\"type\":\"message\",\"message_ts\":\"1700000000.000100\",\"channel_id\":\"" + channel + "\",\"is_ephemeral\":false},"
                + "\"trigger_id\":\"" + trigger + "\",\"channel\":{\"id\":\"" + channel + "\",\"name\":\"inc\"},"
                + "\"response_url\":\"https://hooks.slack.com/actions/T0SITROOM/1/abc\","
                + "\"actions\":[{\"action_id\":\"" + actionId + "\",\"block_id\":\"b1\",\"text\":{\"type\":\"plain_text\",\"text\":\"Approve\"},"
                + "\"value\":\"" + value + "\",\"style\":\"primary\",\"type\":\"button\",\"action_ts\":\"1700000001.000200\"}]}";
        return form(Map.of("payload", payload));
    }

    static Response button(Instant now, String user, String channel, String trigger, String actionId, String value) {
        return signed("/api/chat/slack/interactions", FORM, buttonBody(user, channel, trigger, actionId, value), now);
    }

    /** Links a Slack user to a Sitroom account the way a person does: a code from Sitroom, then /sitroom link. */
    static void link(Instant now, Api.User user, String slackUser) {
        String code = user.as().post("/api/chat/link-codes").then().statusCode(201).extract().path("code");
        String text = slash(now, slackUser, "CANY", "link-" + slackUser + "-" + code, "link " + code).then().statusCode(200).extract()
                .path("text");
        if (!text.startsWith("Linked")) {
            throw new AssertionError(text);
        }
    }
}
