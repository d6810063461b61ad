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

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;
import io.sitroom.testing.WsClient;

@QuarkusTest
class LimitsTest {

    @Test
    void aFloodingConnection_hasItsExcessFramesDropped_isWarnedOnceASecond_andStaysUsable() throws Exception {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Flood");
        try (WsClient ws = WsClient.connect(ic, room, null)) {
            ws.next("welcome");
            for (int i = 0; i < 1300; i++) {
                ws.send(Map.of("type", "ping"));
            }
            java.util.List<JsonNode> answers = ws.drain(java.time.Duration.ofMillis(500));
            long pongs = answers.stream().filter(f -> f.path("type").asText().equals("pong")).count();
            List<JsonNode> warnings = answers.stream().filter(f -> f.path("type").asText().equals("error")).toList();
            assertTrue(pongs >= 1000 && pongs < 1300, "the burst went through, the rest was dropped: " + pongs + " pongs");
            assertEquals(1, warnings.size(), "one warning, not one per dropped frame");
            assertEquals("rate_limited", warnings.get(0).path("error").path("code").asText());
            assertTrue(!ws.isClosed());
            Thread.sleep(1_100);
            ws.send(Map.of("type", "ping"));
            assertEquals("pong", ws.next().path("type").asText(), "usable again once the client slows down");
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
        assertTrue(refusedFresh >= 5 && refusedFresh <= 12, "a user who did not flood has a burst of 20, then one a second: " + refusedFresh);
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
            Thread.sleep(1_100); // past the burst of new connections, one more may be opened each second
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
                    Thread.sleep(200); // refused with 429: the next new connection is allowed within a second
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

    @Test
    void signIn_isRefused_afterTooManyFailuresForAUser() {
        User user = Api.newUser("Target");
        for (int i = 0; i < 10; i++) {
            given().contentType(ContentType.JSON).body(Map.of("username", user.username(), "password", "guess-" + i))
                    .post("/api/auth/login").then().statusCode(401);
        }
        given().contentType(ContentType.JSON).body(Map.of("username", user.username(), "password", "password-" + user.username()))
                .post("/api/auth/login").then().statusCode(429).body("error.code", equalTo("rate_limited"));
    }
}
