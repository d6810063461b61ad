package io.sitroom.chat;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sitroom.clock.MutableClock;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;

/** Slack end to end: signed requests in, a local fake of the Web API out. */
@QuarkusTest
@WithTestResource(FakeChatPlatforms.class)
class SlackChatTest {

    private static final Pattern LINE = Pattern.compile("^#(\\d+) ([a-z_.]+)");

    @Inject
    MutableClock clock;

    private String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    private UUID roomTitled(User user, String title) {
        List<Map<String, Object>> rooms = user.as().get("/api/rooms").then().statusCode(200).extract().jsonPath().getList("$");
        List<Map<String, Object>> found = rooms.stream().filter(r -> title.equals(r.get("title"))).toList();
        assertEquals(1, found.size(), "rooms titled " + title);
        return UUID.fromString((String) found.get(0).get("id"));
    }

    /** Declares from Slack as a linked user and returns the room and its new channel's id. */
    private record Declared(UUID roomId, String channel) {
    }

    private Declared declare(User ic, String slackUser, String title) {
        ChatClient.slash(clock.instant(), slackUser, "CGENERAL", unique("trig-"), "declare sev1 " + title).then().statusCode(200)
                .body("response_type", equalTo("ephemeral")).body("text", startsWith("Declared"));
        UUID roomId = roomTitled(ic, title);
        String slug = title.toLowerCase().replaceAll("[^a-z0-9_]+", "-");
        String channel = FakeChatPlatforms.await(c -> c.method().equals("conversations.create") && c.args().get("name").endsWith(slug)).get(0)
                .args().get("name");
        String channelId = FakeChatPlatforms.await(c -> c.method().equals("conversations.invite") && c.args().get("users").equals(slackUser)).stream()
                .map(c -> c.args().get("channel")).reduce((a, b) -> b).orElseThrow();
        assertTrue(channel.startsWith("inc-"), channel);
        // The channel is recorded before the mirror's first post: from then on it is the room's channel.
        awaitPosted(channelId, "room.created");
        assertEquals("true", FakeChatPlatforms.calls(c -> c.method().equals("conversations.create") && channel.equals(c.args().get("name")))
                .get(0).args().get("is_private"), "the incident's channel is private");
        return new Declared(roomId, channelId);
    }

    private static List<String> posted(String channel) {
        List<String> lines = new ArrayList<>();
        for (FakeChatPlatforms.Call call : FakeChatPlatforms.calls(c -> c.method().equals("chat.postMessage") && channel.equals(c.args().get("channel")))) {
            lines.add(call.args().get("text"));
        }
        return lines;
    }

    private static void awaitPosted(String channel, String text) {
        FakeChatPlatforms.await(c -> c.method().equals("chat.postMessage") && channel.equals(c.args().get("channel"))
                && c.args().get("text").contains(text));
    }

    @Test
    void declareFromSlash_approveFromButton_theRoomsLogAndTheChannelAgree() {
        User ic = Api.newUser("Ines IC");
        User legal = Api.newUser("Lee Legal");
        ChatClient.link(clock.instant(), ic, "UIC1");
        ChatClient.link(clock.instant(), legal, "ULEGAL1");
        String title = unique("Payroll exfiltration ");
        Declared room = declare(ic, "UIC1", title);
        Api.addMember(ic, room.roomId(), legal, "legal");

        ChatClient.slash(clock.instant(), "UIC1", room.channel(), "trig-decide-" + room.roomId(), "decide Take payroll DB offline because"
                + " exfiltration in progress approvers: legal").then().statusCode(200).body("text", startsWith("Recorded"));
        Map<String, Object> proposed = Api.events(ic, room.roomId(), "decision.proposed").get(0);
        String decisionId = (String) ((Map<?, ?>) proposed.get("data")).get("decisionId");
        FakeChatPlatforms.Call post = FakeChatPlatforms.await(c -> c.method().equals("chat.postMessage")
                && room.channel().equals(c.args().get("channel")) && c.args().get("text").contains("decision.proposed")).get(0);
        assertTrue(post.args().get("blocks").contains("\"action_id\":\"decision.approve\""), post.args().get("blocks"));
        assertTrue(post.args().get("blocks").contains(decisionId), post.args().get("blocks"));

        String trigger = "trig-approve-" + room.roomId();
        ChatClient.button(clock.instant(), "ULEGAL1", room.channel(), trigger, "decision.approve", decisionId).then().statusCode(200);
        FakeChatPlatforms.await(c -> c.method().equals("chat.postEphemeral") && "ULEGAL1".equals(c.args().get("user"))
                && c.args().get("text").startsWith("Recorded"));
        assertEquals(1, Api.events(ic, room.roomId(), "decision.approved").size());
        awaitPosted(room.channel(), "decision.approved");

        Api.accepted(ic, room.roomId(), "note.add", Map.of("text", "sentinel after the approval"));
        awaitPosted(room.channel(), "sentinel after the approval");
        List<String> inRoom = Api.events(ic, room.roomId()).stream().filter(e -> e.get("visibleTo") == null)
                .map(e -> "#" + e.get("seq") + " " + e.get("kind")).toList();
        List<String> inChannel = posted(room.channel()).stream().map(text -> {
            Matcher m = LINE.matcher(text);
            assertTrue(m.find(), text);
            return "#" + m.group(1) + " " + m.group(2);
        }).toList();
        assertEquals(inRoom, inChannel);
    }

    @Test
    void aRetriedSlashCommandOrButton_appendsOnce() {
        User ic = Api.newUser("Rita Retry");
        User legal = Api.newUser("Lars Legal");
        ChatClient.link(clock.instant(), ic, "UIC2");
        ChatClient.link(clock.instant(), legal, "ULEGAL2");
        String title = unique("Retried declaration ");
        String body = ChatClient.slashBody("UIC2", "CGENERAL", "trig-retry-declare", "declare sev2 " + title);
        for (int i = 0; i < 3; i++) {
            ChatClient.signed("/api/chat/slack/commands", ChatClient.FORM, body, clock.instant()).then().statusCode(200)
                    .body("text", startsWith("Declared"));
        }
        UUID roomId = roomTitled(ic, title);
        String channel = FakeChatPlatforms.await(c -> c.method().equals("conversations.invite") && "UIC2".equals(c.args().get("users"))).get(0)
                .args().get("channel");
        awaitPosted(channel, "room.created");
        Api.addMember(ic, roomId, legal, "legal");

        for (int i = 0; i < 2; i++) {
            ChatClient.slash(clock.instant(), "UIC2", channel, "trig-retry-note", "note Firewall rule 12 added").then().statusCode(200)
                    .body("text", startsWith("Recorded"));
        }
        assertEquals(1, Api.events(ic, roomId, "note.added").size());

        Api.accepted(ic, roomId, "decision.propose", Map.of("title", "Rotate keys", "choice", "Rotate keys", "rationale", "leaked",
                "approvers", List.of("legal")));
        String decisionId = (String) ((Map<?, ?>) Api.events(ic, roomId, "decision.proposed").get(0).get("data")).get("decisionId");
        for (int i = 0; i < 2; i++) {
            ChatClient.button(clock.instant(), "ULEGAL2", channel, "trig-retry-button", "decision.approve", decisionId).then().statusCode(200);
        }
        assertEquals(1, Api.events(ic, roomId, "decision.approved").size());
    }

    @Test
    void aRestrictedNote_neverReachesTheChannel() {
        User ic = Api.newUser("Vera Visibility");
        ChatClient.link(clock.instant(), ic, "UIC3");
        Declared room = declare(ic, "UIC3", unique("Legal hold "));
        String secret = unique("privileged-counsel-advice-");
        Api.accepted(ic, room.roomId(), "note.add", Map.of("text", secret, "visibleTo", List.of("legal")));
        Api.accepted(ic, room.roomId(), "update.post", Map.of("audience", "legal", "summary", secret + "-update", "exposure", "some"));
        Api.accepted(ic, room.roomId(), "note.add", Map.of("text", "sentinel after the privileged note"));
        awaitPosted(room.channel(), "sentinel after the privileged note");
        assertTrue(FakeChatPlatforms.calls(c -> c.args().values().stream().anyMatch(v -> v.contains(secret))).isEmpty(),
                "a restricted event reached Slack");
    }

    @Test
    void anUnlinkedUser_isRefusedWithHowToLink_andNothingIsDeclared() {
        String title = unique("Unlinked ");
        ChatClient.slash(clock.instant(), "UNOBODY", "CGENERAL", unique("trig-"), "declare sev1 " + title).then().statusCode(200)
                .body("text", containsString("/sitroom link <code>")).body("text", containsString("not linked"));
        User admin = new User(null, "admin", "admin", Api.adminToken());
        List<Map<String, Object>> rooms = admin.as().get("/api/rooms").then().statusCode(200).extract().jsonPath().getList("$");
        assertFalse(rooms.stream().anyMatch(r -> title.equals(r.get("title"))));
    }

    @Test
    void anExecutive_cannotApproveFromSlack_whatTheyCannotApproveFromTheWeb() {
        User ic = Api.newUser("Ivo IC");
        User exec = Api.newUser("Eve Executive");
        ChatClient.link(clock.instant(), ic, "UIC4");
        ChatClient.link(clock.instant(), exec, "UEXEC4");
        Declared room = declare(ic, "UIC4", unique("Authority "));
        Api.addMember(ic, room.roomId(), exec, "executive");
        Api.accepted(ic, room.roomId(), "decision.propose", Map.of("title", "Notify regulator", "choice", "Notify", "rationale", "GDPR",
                "approvers", List.of("legal")));
        String decisionId = (String) ((Map<?, ?>) Api.events(ic, room.roomId(), "decision.proposed").get(0).get("data")).get("decisionId");
        long head = Api.headSeq(ic, room.roomId());

        ChatClient.slash(clock.instant(), "UEXEC4", room.channel(), unique("trig-"), "approve " + decisionId).then().statusCode(200)
                .body("text", startsWith("Refused"));
        ChatClient.button(clock.instant(), "UEXEC4", room.channel(), unique("trig-"), "decision.approve", decisionId).then().statusCode(200);
        FakeChatPlatforms.await(c -> c.method().equals("chat.postEphemeral") && "UEXEC4".equals(c.args().get("user"))
                && c.args().get("text").startsWith("Refused"));
        assertEquals(head, Api.headSeq(ic, room.roomId()));
    }

    @Test
    void aBadOrStaleSignature_is401_andAppendsNothing() {
        User ic = Api.newUser("Sid Signature");
        ChatClient.link(clock.instant(), ic, "UIC5");
        Declared room = declare(ic, "UIC5", unique("Signatures "));
        long head = Api.headSeq(ic, room.roomId());
        String body = ChatClient.slashBody("UIC5", room.channel(), unique("trig-"), "note forged");
        long ts = clock.instant().getEpochSecond();
        given().contentType(ChatClient.FORM).header("X-Slack-Request-Timestamp", String.valueOf(ts))
                .header("X-Slack-Signature", ChatClient.signature("not-the-secret", ts, body)).body(body)
                .post("/api/chat/slack/commands").then().statusCode(401);
        given().contentType(ChatClient.FORM).body(body).post("/api/chat/slack/commands").then().statusCode(401);
        ChatClient.signed("/api/chat/slack/commands", ChatClient.FORM, body, clock.instant().minus(Duration.ofMinutes(6))).then().statusCode(401);
        String button = ChatClient.buttonBody("UIC5", room.channel(), unique("trig-"), "decision.approve", UUID.randomUUID().toString());
        given().contentType(ChatClient.FORM).header("X-Slack-Request-Timestamp", String.valueOf(ts))
                .header("X-Slack-Signature", ChatClient.signature("not-the-secret", ts, button)).body(button)
                .post("/api/chat/slack/interactions").then().statusCode(401);
        assertEquals(head, Api.headSeq(ic, room.roomId()));
    }

    @Test
    void malformedBodies_are400_notServerErrors() {
        ChatClient.signed("/api/chat/slack/interactions", ChatClient.FORM, "payload=%7Bnot-json", clock.instant()).then().statusCode(400);
        ChatClient.signed("/api/chat/slack/interactions", ChatClient.FORM, "nothing=here", clock.instant()).then().statusCode(400);
        ChatClient.signed("/api/chat/slack/interactions", ChatClient.FORM, "payload=%ZZ", clock.instant()).then().statusCode(400);
        ChatClient.signed("/api/chat/slack/commands", ChatClient.FORM, "user_id=U1&text=status", clock.instant()).then().statusCode(400);
        ChatClient.signed("/api/chat/slack/events", "application/json", "[1,2]", clock.instant()).then().statusCode(400);
        ChatClient.signed("/api/chat/slack/interactions", ChatClient.FORM,
                ChatClient.buttonBody("U1", "C1", "t1", "member.remove", UUID.randomUUID().toString()), clock.instant()).then().statusCode(400);
    }

    @Test
    void slacksSslCheck_isAnswered200() {
        ChatClient.signed("/api/chat/slack/commands", ChatClient.FORM, "ssl_check=1&token=gIkuvaNzQIHg97ATvDxqgjtO", clock.instant()).then()
                .statusCode(200);
    }

    @Test
    void eventsUrlVerification_answersTheChallenge() {
        ChatClient.signed("/api/chat/slack/events", "application/json",
                "{\"token\":\"Jhj5dZrVaK7ZwHHjRyZWjbDl\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\",\"type\":\"url_verification\"}",
                clock.instant()).then().statusCode(200).body("challenge", equalTo("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"));
    }

    @Test
    void aLinkCode_worksOnce_andExpires() {
        User user = Api.newUser("Lina Link");
        String code = user.as().post("/api/chat/link-codes").then().statusCode(201).extract().path("code");
        ChatClient.slash(clock.instant(), "ULINK1", "CANY", unique("trig-"), "link " + code).then().body("text", startsWith("Linked"));
        ChatClient.slash(clock.instant(), "ULINK2", "CANY", unique("trig-"), "link " + code).then().body("text", containsString("unknown, expired or used"));
        String late = user.as().post("/api/chat/link-codes").then().statusCode(201).extract().path("code");
        clock.advance(Duration.ofMinutes(16));
        try {
            ChatClient.slash(clock.instant(), "ULINK3", "CANY", unique("trig-"), "link " + late).then().body("text", containsString("unknown, expired or used"));
        } finally {
            clock.advance(Duration.ofMinutes(-16));
        }
        given().post("/api/chat/link-codes").then().statusCode(401);
    }

    @Test
    void aMessageShortcutOrTheReaction_addsTheMessageToTheTimeline_once() {
        User ic = Api.newUser("Tim Timeline");
        ChatClient.link(clock.instant(), ic, "UIC6");
        Declared room = declare(ic, "UIC6", unique("Timeline "));
        String payload = "{\"type\":\"message_action\",\"callback_id\":\"add_to_timeline\",\"trigger_id\":\"" + unique("trig-") + "\","
                + "\"team\":{\"id\":\"" + ChatClient.TEAM + "\",\"domain\":\"acme\"},\"user\":{\"id\":\"UIC6\",\"name\":\"tim\"},"
                + "\"channel\":{\"id\":\"" + room.channel() + "\",\"name\":\"inc\"},\"message_ts\":\"1700000100.000200\","
                + "\"message\":{\"type\":\"message\",\"user\":\"UIC6\",\"text\":\"Blocked 10.0.0.7 at the edge\",\"ts\":\"1700000100.000200\"},"
                + "\"response_url\":\"https://hooks.slack.com/app/T0SITROOM/1/x\"}";
        ChatClient.signed("/api/chat/slack/interactions", ChatClient.FORM, ChatClient.form(Map.of("payload", payload)), clock.instant()).then()
                .statusCode(200);
        awaitPosted(room.channel(), "Blocked 10.0.0.7 at the edge");
        String note = (String) ((Map<?, ?>) Api.events(ic, room.roomId(), "note.added").get(0).get("data")).get("text");
        assertTrue(note.startsWith("From Slack, Tim Timeline (Slack) wrote: Blocked 10.0.0.7 at the edge"), note);
        assertTrue(note.contains("https://acme.slack.com/archives/" + room.channel() + "/p1700000100000200"), note);

        String event = "{\"token\":\"x\",\"team_id\":\"" + ChatClient.TEAM + "\",\"api_app_id\":\"A123456\",\"type\":\"event_callback\","
                + "\"event_id\":\"" + unique("Ev") + "\",\"event_time\":1700000200,\"event\":{\"type\":\"reaction_added\",\"user\":\"UIC6\","
                + "\"reaction\":\"pushpin\",\"item_user\":\"UAUTHOR\",\"item\":{\"type\":\"message\",\"channel\":\"" + room.channel() + "\","
                + "\"ts\":\"1700000150.000300\"},\"event_ts\":\"1700000200.000400\"}}";
        for (int i = 0; i < 2; i++) {
            ChatClient.signed("/api/chat/slack/events", "application/json", event, clock.instant()).then().statusCode(200);
        }
        awaitPosted(room.channel(), "Seen beaconing from 10.0.0.7");
        Api.accepted(ic, room.roomId(), "note.add", Map.of("text", "sentinel after the reaction"));
        awaitPosted(room.channel(), "sentinel after the reaction");
        assertEquals(1, Api.events(ic, room.roomId(), "note.added").stream()
                .filter(e -> ((String) ((Map<?, ?>) e.get("data")).get("text")).contains("Seen beaconing")).count());
    }
}
