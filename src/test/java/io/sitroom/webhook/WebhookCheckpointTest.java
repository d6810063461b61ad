package io.sitroom.webhook;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.sitroom.chain.Checkpoint;
import io.sitroom.chain.Jwk;
import io.sitroom.clock.MutableClock;
import io.sitroom.evidence.Checkpointer;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;

/**
 * The webhook kind {@code checkpoint} against a real local HTTP receiver: signed checkpoints go, with the key that
 * verifies them, to the webhooks that name the kind, for the rooms they cover, and to no other.
 */
@QuarkusTest
class WebhookCheckpointTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "a-shared-secret-of-at-least-32-characters";
    /** Dispatch passes before a test gives up waiting for a delivery. */
    private static final int PASSES = 10;

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    Checkpointer checkpointer;

    @Inject
    MutableClock clock;

    record Received(String body, String event, String delivery, String signature) {

        String webhookId() {
            return delivery.substring(0, delivery.indexOf('/'));
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    HttpServer receiver;
    final List<Received> received = new CopyOnWriteArrayList<>();
    /** Webhooks to remove after the test (path and the token that may remove it): none keeps queueing for the others. */
    final List<Map.Entry<String, String>> cleanup = new ArrayList<>();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            received.add(new Received(body, headers.getFirst("X-Sitroom-Event"), headers.getFirst("X-Sitroom-Delivery"),
                    headers.getFirst("X-Sitroom-Signature")));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        cleanup.forEach(hook -> given().auth().oauth2(hook.getValue()).delete(hook.getKey()));
        receiver.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    private String webhook(User lead, UUID room, List<String> kinds, String format) {
        String id = lead.as().body(Map.of("url", url(), "roomId", room.toString(), "kinds", kinds, "format", format, "secret", SECRET))
                .post("/api/webhooks").then().statusCode(201).extract().path("id");
        cleanup.add(Map.entry("/api/webhooks/" + id, lead.token()));
        return id;
    }

    private String globalWebhook(List<String> kinds) {
        String id = given().auth().oauth2(Api.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("url", url(), "kinds", kinds, "secret", SECRET)).post("/api/webhooks").then().statusCode(201).extract().path("id");
        cleanup.add(Map.entry("/api/webhooks/" + id, Api.adminToken()));
        return id;
    }

    private static List<Map<String, Object>> checkpoints(User member, UUID room) {
        return member.as().get("/api/rooms/" + room + "/checkpoints").then().statusCode(200).extract().jsonPath().getList("");
    }

    /** Signs what is due until the room has a checkpoint (one pass signs at most a batch of the suite's rooms); answers its last one. */
    private Map<String, Object> signed(User member, UUID room) {
        for (int pass = 0; pass < PASSES && checkpoints(member, room).isEmpty(); pass++) {
            checkpointer.signDue();
        }
        List<Map<String, Object>> all = checkpoints(member, room);
        assertFalse(all.isEmpty(), "the room was signed");
        return all.get(all.size() - 1);
    }

    /**
     * Dispatches until a delivery that passes the test has arrived. A pass may find a head claimed by the dispatcher's
     * own wake-up thread: the claim runs out (the clock moves past it), then it goes.
     */
    private Received awaitDelivery(Predicate<Received> wanted) {
        for (int pass = 0; pass < PASSES; pass++) {
            dispatcher.dispatchDue();
            var found = received.stream().filter(wanted).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            clock.advance(WebhookDispatcher.CLAIM.plusSeconds(1));
        }
        throw new AssertionError("no such delivery arrived; received: " + received.stream().map(Received::delivery).toList());
    }

    private List<Received> of(String webhookId) {
        return received.stream().filter(r -> r.webhookId().equals(webhookId)).toList();
    }

    @Test
    void aWebhookNamingCheckpoint_receivesTheCheckpoint_afterTheEventAtItsSeq_withTheKeyThatVerifiesIt() throws Exception {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Checkpoint hook");
        String hook = webhook(ic, room, List.of("note.added", "checkpoint"), "json");
        long seq = Api.accepted(ic, room, "note.add", Map.of("text", "contained, for everyone"));
        Map<String, Object> listed = signed(ic, room);
        assertEquals(seq, ((Number) listed.get("seq")).longValue(), "the note is the head that was signed");

        Received checkpoint = awaitDelivery(r -> r.webhookId().equals(hook) && "checkpoint".equals(r.event()));
        assertEquals(hook + "/" + room + "/checkpoint/" + seq, checkpoint.delivery());
        assertEquals("sha256=" + WebhookDispatcher.hmac(SECRET, checkpoint.body()), checkpoint.signature());

        List<Received> ours = of(hook);
        assertEquals(List.of("note.added", "checkpoint"), ours.stream().map(Received::event).toList(), "the event at the seq, then its checkpoint");
        assertEquals(hook + "/" + room + "/" + seq, ours.get(0).delivery());
        assertNotEquals(ours.get(0).delivery(), checkpoint.delivery(), "the event and the checkpoint at one seq are two deliveries");

        JsonNode body = checkpoint.json();
        assertEquals(Set.of("webhookId", "delivery", "roomTitle", "checkpoint", "key"), fields(body), "no event in a checkpoint's body");
        assertEquals(checkpoint.delivery(), body.path("delivery").asText());
        assertEquals(listed, JSON.convertValue(body.path("checkpoint"), Map.class), "the checkpoint exactly as the room lists it");
        Checkpoint sent = JSON.treeToValue(body.path("checkpoint"), Checkpoint.class);
        Jwk key = JSON.treeToValue(body.path("key"), Jwk.class);
        assertEquals(sent.kid(), key.kid());
        assertTrue(sent.verifies(key.publicKey()), "the checkpoint verifies with the key sent along");
        String published = given().get("/api/keys").then().statusCode(200).extract().asString();
        assertTrue(published.contains(key.x()), "the key sent is a published one");

        ic.as().get("/api/webhooks/" + hook + "/deliveries").then().statusCode(200)
                .body("findAll { it.seq == " + seq + " }.kind", org.hamcrest.Matchers.containsInAnyOrder("note.added", "checkpoint"))
                .body("findAll { it.seq == " + seq + " }.status", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.equalTo("delivered")));
    }

    @Test
    void aWebhookNotNamingCheckpoint_receivesNone() {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "No checkpoints here");
        String everyEvent = webhook(ic, room, List.of(), "json");
        String notes = webhook(ic, room, List.of("note.*"), "json");
        Api.accepted(ic, room, "note.add", Map.of("text", "signed next"));
        signed(ic, room);
        long sentinel = Api.accepted(ic, room, "note.add", Map.of("text", "sentinel"));
        awaitDelivery(r -> r.delivery().equals(everyEvent + "/" + room + "/" + sentinel));
        awaitDelivery(r -> r.delivery().equals(notes + "/" + room + "/" + sentinel));

        for (String hook : List.of(everyEvent, notes)) {
            List<Received> ours = of(hook);
            assertFalse(ours.isEmpty());
            assertTrue(ours.stream().noneMatch(r -> "checkpoint".equals(r.event()) || r.delivery().contains("/checkpoint/")
                    || r.json().has("checkpoint")), "no checkpoint for " + hook + ": " + ours.stream().map(Received::delivery).toList());
            ic.as().get("/api/webhooks/" + hook + "/deliveries").then().statusCode(200)
                    .body("kind", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("checkpoint")));
        }
    }

    @Test
    void aRoomWebhook_getsOnlyItsRoomsCheckpoints_andAGlobalOne_everyRooms() {
        User ic = Api.newUser("Ines");
        UUID mine = Api.newIncident(ic, "Mine");
        UUID other = Api.newIncident(ic, "Other");
        String roomHook = webhook(ic, mine, List.of("checkpoint"), "json");
        String otherHook = webhook(ic, other, List.of("checkpoint"), "json");
        String global = globalWebhook(List.of("checkpoint"));
        Api.accepted(ic, mine, "note.add", Map.of("text", "in mine"));
        Api.accepted(ic, other, "note.add", Map.of("text", "in the other"));
        long mineSeq = ((Number) signed(ic, mine).get("seq")).longValue();
        long otherSeq = ((Number) signed(ic, other).get("seq")).longValue();

        awaitDelivery(r -> r.delivery().equals(roomHook + "/" + mine + "/checkpoint/" + mineSeq));
        // The sentinel: the other room's checkpoint reached its own webhook, so it was queued and sent by then.
        awaitDelivery(r -> r.delivery().equals(otherHook + "/" + other + "/checkpoint/" + otherSeq));
        assertEquals(List.of(roomHook + "/" + mine + "/checkpoint/" + mineSeq), of(roomHook).stream().map(Received::delivery).toList());

        awaitDelivery(r -> r.delivery().equals(global + "/" + mine + "/checkpoint/" + mineSeq));
        awaitDelivery(r -> r.delivery().equals(global + "/" + other + "/checkpoint/" + otherSeq));
    }

    @Test
    void chatFormats_sayWhichHeadWasSigned_withTheRoomTitleEscaped() throws Exception {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Ckpt <!channel> & [co](x)");
        String slack = webhook(ic, room, List.of("checkpoint"), "slack");
        String teams = webhook(ic, room, List.of("checkpoint"), "teams");
        Map<String, Object> listed = signed(ic, room);
        String line = "checkpoint signed at seq " + listed.get("seq") + ", head " + ((String) listed.get("headHash")).substring(0, 12);

        Received slackBody = awaitDelivery(r -> r.webhookId().equals(slack));
        assertEquals("[Sitroom] Ckpt &lt;!channel&gt; &amp; [co](x): " + line, slackBody.json().path("text").asText());
        assertEquals("checkpoint", slackBody.event());

        Received teamsBody = awaitDelivery(r -> r.webhookId().equals(teams));
        JsonNode card = teamsBody.json().path("attachments").path(0).path("content");
        assertEquals("AdaptiveCard", card.path("type").asText());
        assertEquals(List.of("Ckpt \\<\\!channel\\> \\& \\[co\\]\\(x\\)", TeamsCard.escape(line)), card.path("body").findValuesAsText("text"));
        assertEquals("sha256=" + WebhookDispatcher.hmac(SECRET, teamsBody.body()), teamsBody.signature());
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new java.util.TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
