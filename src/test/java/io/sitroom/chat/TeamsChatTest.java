package io.sitroom.chat;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;

/** Microsoft Teams' outgoing webhook: HMAC-signed activities in, Adaptive Cards back. */
@QuarkusTest
@WithTestResource(FakeChatPlatforms.class)
class TeamsChatTest {

    static final String TEAM = "19:8ed6d1b0c0a84a6d8b0c5e2c1b1a0f00@thread.tacv2";

    /** An activity as Teams' outgoing webhook posts it (the documented shape). */
    static String activity(String id, String user, String conversation, String text) {
        return "{\"type\":\"message\",\"id\":\"" + id + "\",\"timestamp\":\"2026-12-02T10:00:00.000Z\","
                + "\"localTimestamp\":\"2026-12-02T11:00:00.000+01:00\",\"serviceUrl\":\"https://smba.trafficmanager.net/emea/\","
                + "\"channelId\":\"msteams\",\"from\":{\"id\":\"29:" + user + "\",\"name\":\"Someone\",\"aadObjectId\":\"" + user + "\"},"
                + "\"conversation\":{\"isGroup\":true,\"id\":\"" + conversation + ";messageid=" + id + "\",\"name\":null},"
                + "\"recipient\":null,\"textFormat\":\"plain\",\"attachmentLayout\":null,\"membersAdded\":[],\"membersRemoved\":[],"
                + "\"topicName\":null,\"historyDisclosed\":null,\"locale\":\"en-US\","
                + "\"text\":\"<at>Sitroom</at> " + text + "\",\"attachments\":[{\"contentType\":\"text/html\",\"content\":\"<div>...</div>\"}],"
                + "\"entities\":[{\"type\":\"clientInfo\",\"locale\":\"en-US\"}],"
                + "\"channelData\":{\"teamsChannelId\":\"" + conversation + "\",\"teamsTeamId\":\"" + TEAM + "\","
                + "\"channel\":{\"id\":\"" + conversation + "\"},\"team\":{\"id\":\"" + TEAM + "\"},\"tenant\":{\"id\":\"72f988bf-0000\"}},"
                + "\"action\":null,\"replyToId\":null,\"value\":null,\"name\":null,\"relatesTo\":null,\"code\":null}";
    }

    private static String hmac(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(FakeChatPlatforms.TEAMS_SECRET), "HmacSHA256"));
            return "HMAC " + Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Response send(String body) {
        return given().contentType("application/json").header("Authorization", hmac(body)).body(body).post("/api/chat/teams/messages");
    }

    private static final String TEXT = "attachments[0].content.body[0].text";

    @Test
    void linkDeclareAndNote_answeredWithAdaptiveCards_retriesAppendOnce() {
        User ic = Api.newUser("Tara Teams");
        String user = UUID.randomUUID().toString();
        String conversation = "19:" + UUID.randomUUID().toString().replace("-", "") + "@thread.tacv2";
        send(activity("1", user, conversation, "status")).then().statusCode(200).body("type", equalTo("message"))
                .body(TEXT, containsString("not linked"));
        String code = ic.as().post("/api/chat/link-codes").then().statusCode(201).extract().path("code");
        send(activity("2" + code, user, conversation, "link " + code)).then().statusCode(200)
                .body("attachments[0].contentType", equalTo("application/vnd.microsoft.card.adaptive")).body(TEXT, startsWith("Linked"));

        String title = "Teams incident " + conversation.substring(3, 11);
        send(activity("3" + code, user, conversation, "declare sev2 " + title)).then().statusCode(200).body(TEXT, startsWith("Declared"));
        List<Map<String, Object>> rooms = ic.as().get("/api/rooms").then().extract().jsonPath().getList("$");
        UUID roomId = UUID.fromString((String) rooms.stream().filter(r -> title.equals(r.get("title"))).findFirst().orElseThrow().get("id"));
        String note = activity("4" + code, user, conversation, "note Reset the VPN credentials");
        send(note).then().statusCode(200).body(TEXT, startsWith("Recorded"));
        send(note).then().statusCode(200).body(TEXT, startsWith("Recorded"));
        assertEquals(1, Api.events(ic, roomId, "note.added").size());
    }

    @Test
    void aWrongHmac_is401_andAMalformedBody400() {
        String body = activity("9", UUID.randomUUID().toString(), "19:x@thread.tacv2", "declare sev1 Forged");
        given().contentType("application/json").header("Authorization", hmac(body + " ")).body(body).post("/api/chat/teams/messages").then()
                .statusCode(401);
        given().contentType("application/json").body(body).post("/api/chat/teams/messages").then().statusCode(401);
        send("{\"id\":").then().statusCode(400);
        send("{\"type\":\"message\"}").then().statusCode(400);
    }
}
