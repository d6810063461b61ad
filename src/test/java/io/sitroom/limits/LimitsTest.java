package io.sitroom.limits;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.sitroom.clock.MutableClock;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;
import io.sitroom.testing.WsClient;

@QuarkusTest
class LimitsTest {

    /** Rates are measured on the application clock: frozen here, so a slow machine sends no frame "later". */
    @Inject
    MutableClock clock;

    @BeforeEach
    void freeze() {
        clock.freeze();
    }

    @AfterEach
    void unfreeze() {
        clock.unfreeze();
    }

    @Inject
    MeterRegistry registry;

    private double dropped() {
        return registry.counter("sitroom.frames.dropped").count();
    }

    @Test
    void aFloodingConnection_hasItsExcessFramesDropped_isWarnedOnceASecond_andStaysUsable() throws Exception {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Flood");
        try (WsClient ws = WsClient.connect(ic, room, null)) {
            ws.next("welcome");
            double droppedBefore = dropped();
            for (int i = 0; i < 1300; i++) {
                ws.send(Map.of("type", "ping"));
            }
            // Once the server has dropped the 300 over the burst, time moves a second on and a command goes
            // through: every answer to the pings came before its result.
            long deadline = System.nanoTime() + WsClient.WAIT.toNanos();
            while (dropped() < droppedBefore + 300 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertEquals(droppedBefore + 300, dropped(), "the 300 frames over the burst were dropped");
            clock.advance(Duration.ofMillis(1_100));
            ws.command("sentinel", "note.add", Map.of("text", "after the flood"));
            List<JsonNode> answers = new ArrayList<>();
            for (JsonNode frame = ws.next(); !"sentinel".equals(frame.path("commandId").asText()); frame = ws.next()) {
                answers.add(frame);
            }
            long pongs = answers.stream().filter(f -> f.path("type").asText().equals("pong")).count();
            List<JsonNode> warnings = answers.stream().filter(f -> f.path("type").asText().equals("error")).toList();
            assertEquals(1000, pongs, "the burst went through, the rest was dropped");
            assertEquals(1, warnings.size(), "one warning, not one per dropped frame");
            assertEquals("rate_limited", warnings.get(0).path("error").path("code").asText());
            assertTrue(!ws.isClosed());
            ws.send(Map.of("type", "ping"));
            assertEquals("pong", ws.next("pong").path("type").asText(), "usable again once the client slows down");
        }
    }

    @Test
    void aConnectionThatKeepsFlooding_isClosed_andItsUserCannotComeStraightBackForeverFresh() throws Exception {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Flood close");
        try (WsClient ws = WsClient.connect(ic, room, null)) {
            ws.next("welcome");
            for (int i = 0; i < 2500 && !ws.isClosed(); i++) {
                ws.send(Map.of("type", "ping"));
            }
            assertEquals(1008, ws.awaitClose(WsClient.WAIT), "closed for flooding (policy violation)");
        }
        // Closed for flooding, the user has spent the burst meant for tabs after a restart: about one new connection a second.
        int refused = 0;
        for (int i = 0; i < 10; i++) {
            if (WsClient.upgradeStatus(WsClient.roomUri(room, null), ic.token()) == 429) {
                refused++;
            }
        }
        assertTrue(refused >= 8, "coming straight back in a tight loop is refused (429): " + refused);
        User other = Api.newUser("Olga");
        Api.addMember(ic, room, other, "scribe");
        int refusedFresh = 0;
        for (int i = 0; i < 30; i++) {
            if (WsClient.upgradeStatus(WsClient.roomUri(room, null), other.token()) == 429) {
                refusedFresh++;
            }
        }
        assertEquals(10, refusedFresh, "a user who did not flood has a burst of 20 (then one a second)");
    }

    @Test
    void aUser_mayHoldALimitedNumberOfConnections() throws InterruptedException {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Connections");
        List<WsClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                WsClient ws = WsClient.connect(ic, room, null);
                ws.next("welcome");
                open.add(ws);
            }
            clock.advance(Duration.ofMillis(1_100)); // past the burst of new connections, one more may be opened each second
            try (WsClient extra = WsClient.connect(ic, room, null)) {
                JsonNode refused = extra.next();
                assertEquals("rate_limited", refused.path("error").path("code").asText());
            }
            open.remove(0).close();
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            boolean admitted = false;
            while (!admitted && System.nanoTime() < deadline) {
                try (WsClient again = WsClient.connect(ic, room, null)) {
                    admitted = again.next().path("type").asText().equals("welcome");
                } catch (java.util.concurrent.CompletionException overTheRateOfNewConnections) {
                    clock.advance(Duration.ofMillis(200)); // refused with 429: the next new connection is allowed within a second
                }
            }
            assertTrue(admitted, "a closed connection frees its place");
        } finally {
            open.forEach(WsClient::close);
        }
    }

    @Test
    void webSocketUpgrade_fromAnotherSitesPage_isRefused() {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Origin");
        assertEquals(403, WsClient.upgradeStatus(WsClient.roomUri(room, null), ic.token(), "https://evil.example"));
        assertEquals(101, WsClient.upgradeStatus(WsClient.roomUri(room, null), ic.token(), "http://localhost:" + RestAssured.port));
    }

    @Test
    void answers_carrySecurityHeaders() {
        given().get("/api/rooms").then().header("X-Content-Type-Options", "nosniff").header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer");
        given().get("/").then().header("Content-Security-Policy", containsString("default-src 'self'"));
    }
}
