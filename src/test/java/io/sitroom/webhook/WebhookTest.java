package io.sitroom.webhook;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.sitroom.clock.MutableClock;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;

/** Webhooks against a real local HTTP receiver. */
@QuarkusTest
class WebhookTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    MutableClock clock;

    record Received(String body, String signature, String delivery) {
    }

    HttpServer receiver;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresToSend = new AtomicInteger();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = failuresToSend.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 204;
            if (status == 204) {
                received.add(new Received(body, exchange.getRequestHeaders().getFirst("X-Sitroom-Signature"),
                        exchange.getRequestHeaders().getFirst("X-Sitroom-Delivery")));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    private Map<String, Object> webhook(User lead, UUID room, List<String> kinds, boolean slack) {
        return lead.as().body(Map.of("url", url(), "roomId", room.toString(), "kinds", kinds, "slack", slack, "secret", "a-shared-secret-of-some-length"))
                .post("/api/webhooks").then().statusCode(201).extract().jsonPath().getMap("$");
    }

    @Test
    void chosenEvents_arePostedSigned_inOrder_andRestrictedOnesNever() throws Exception {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Webhooks");
        webhook(ic, room, List.of("note.added", "decision.*"), false);
        Api.accepted(ic, room, "note.add", Map.of("text", "first"));
        Api.accepted(ic, room, "room.severity", Map.of("severity", "SEV1"));
        Api.accepted(ic, room, "note.add", Map.of("text", "for legal only", "visibleTo", List.of("legal")));
        Api.accepted(ic, room, "decision.propose", Map.of("title", "Call the insurer", "choice", "call", "rationale", "policy requires it",
                "approvers", List.of("incident_commander")));
        dispatcher.dispatchDue();

        assertEquals(List.of("note.added", "decision.proposed"), received.stream().map(r -> kind(r.body())).toList());
        for (Received r : received) {
            assertEquals("sha256=" + WebhookDispatcher.hmac("a-shared-secret-of-some-length", r.body()), r.signature());
            assertTrue(r.delivery().endsWith("/" + room + "/" + JSON.readTree(r.body()).path("event").path("seq").asLong()));
        }
        dispatcher.dispatchDue();
        assertEquals(2, received.size(), "nothing is sent twice");
    }

    @Test
    void failedDeliveries_areRetriedWithBackoff_andLogged() {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Retries");
        String id = (String) webhook(ic, room, List.of("note.added"), true).get("id");
        failuresToSend.set(1);
        Api.accepted(ic, room, "note.add", Map.of("text", "retry me"));
        dispatcher.dispatchDue();
        assertEquals(0, received.size());
        ic.as().get("/api/webhooks/" + id + "/deliveries").then().statusCode(200)
                .body("[0].status", equalTo("pending")).body("[0].attempts", equalTo(1)).body("[0].lastStatus", equalTo(500));
        dispatcher.dispatchDue();
        assertEquals(0, received.size(), "not before the backoff");
        clock.advance(Duration.ofSeconds(3));
        dispatcher.dispatchDue();
        assertEquals(1, received.size());
        assertTrue(received.get(0).body().contains("\"text\":\"[Sitroom] Retries"), "Slack-compatible body");
        ic.as().get("/api/webhooks/" + id + "/deliveries").then()
                .body("[0].status", equalTo("delivered")).body("[0].attempts", equalTo(2));
    }

    @Test
    void onlyTheLead_addsRoomWebhooks_andOnlyTheAdmin_globalOnes() {
        User ic = Api.newUser("Ines");
        User legal = Api.newUser("Lea");
        UUID room = Api.newIncident(ic, "Who adds");
        Api.addMember(ic, room, legal, "legal");
        legal.as().body(Map.of("url", url(), "roomId", room.toString())).post("/api/webhooks").then().statusCode(403);
        ic.as().body(Map.of("url", url())).post("/api/webhooks").then().statusCode(403);
        ic.as().body(Map.of("url", "ftp://example.org/x", "roomId", room.toString())).post("/api/webhooks").then().statusCode(400);
        String global = given().auth().oauth2(Api.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("url", url(), "kinds", List.of("room.created"))).post("/api/webhooks").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Api.adminToken()).delete("/api/webhooks/" + global).then().statusCode(204);
    }

    private static String kind(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node.path("event").path("kind").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void registration_refusesHostsOffTheAllowList_andInternalAddresses_namingTheHost() {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Allow-list");
        for (String url : List.of("http://169.254.169.254/latest/meta-data/", "http://10.0.0.5/hook", "https://example.com/hook")) {
            String host = java.net.URI.create(url).getHost();
            ic.as().body(Map.of("url", url, "roomId", room.toString())).post("/api/webhooks").then().statusCode(400)
                    .body("error.code", equalTo("invalid"))
                    .body("error.message", org.hamcrest.Matchers.containsString("the host " + host + " "));
        }
        given().auth().oauth2(Api.adminToken()).contentType(ContentType.JSON).body(Map.of("url", "http://[fe80::1]/hook"))
                .post("/api/webhooks").then().statusCode(400).body("error.code", equalTo("invalid"));
        ic.as().body(Map.of("url", url(), "roomId", room.toString())).post("/api/webhooks").then().statusCode(201);
    }
}
