package io.sitroom.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.sitroom.clock.MutableClock;
import io.sitroom.live.TokenRevocations;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;
import io.sitroom.testing.WsClient;

/** Opening a room's WebSocket as the web app does: with a one-use ticket, no token in the URL or a header. */
@QuarkusTest
class WsTicketTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    MutableClock clock;

    @Inject
    TokenRevocations revocations;

    private static String ticket(User user) {
        return user.as().post("/api/ws-ticket").then().statusCode(200).header("Cache-Control", "no-store")
                .body("ticket", notNullValue()).body("expiresAt", notNullValue()).extract().path("ticket");
    }

    private static URI withTicket(UUID room, String ticket) {
        return WsClient.roomUri(room, "ticket=" + URLEncoder.encode(ticket, StandardCharsets.UTF_8));
    }

    /** A socket opened with no header at all, keeping what it receives. */
    static final class TicketSocket implements AutoCloseable {
        final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        volatile String reason;
        final WebSocket socket;

        TicketSocket(URI uri) {
            socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(WsClient.WAIT).buildAsync(uri, new WebSocket.Listener() {
                final StringBuilder partial = new StringBuilder();

                @Override
                public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                    partial.append(data);
                    if (last) {
                        try {
                            frames.add(JSON.readTree(partial.toString()));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        partial.setLength(0);
                    }
                    ws.request(1);
                    return null;
                }

                @Override
                public CompletionStage<?> onClose(WebSocket ws, int code, String why) {
                    reason = why;
                    closed.complete(code);
                    return null;
                }
            }).join();
        }

        JsonNode next(String type) throws InterruptedException {
            while (true) {
                JsonNode frame = frames.poll(WsClient.WAIT.toSeconds(), TimeUnit.SECONDS);
                if (frame == null) {
                    throw new AssertionError("no '" + type + "' frame arrived");
                }
                if (type.equals(frame.path("type").asText())) {
                    return frame;
                }
            }
        }

        int awaitClose() throws Exception {
            return closed.get(WsClient.WAIT.toSeconds(), TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            socket.abort();
        }
    }

    @Test
    void aTicket_opensARoomSocket_once_andTheSocketClosesWhenTheTokenIsRevoked() throws Exception {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Ticket");
        String ticket = ticket(ic);
        try (TicketSocket socket = new TicketSocket(withTicket(room, ticket))) {
            socket.next("welcome");
        }
        assertEquals(401, WsClient.upgradeStatus(withTicket(room, ticket), null), "a ticket is used once");

        try (TicketSocket socket = new TicketSocket(withTicket(room, ticket(ic)))) {
            socket.next("welcome");
            ic.as().post("/api/auth/logout").then().statusCode(204);
            assertEquals(4401, socket.awaitClose(), "closed with the token the ticket stood for");
        }
    }

    @Test
    void aTicket_isRefused_after30Seconds() {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Expired ticket");
        String ticket = ticket(ic);
        clock.advance(Duration.ofSeconds(31));
        assertEquals(401, WsClient.upgradeStatus(withTicket(room, ticket), null));
        assertEquals(401, WsClient.upgradeStatus(withTicket(room, "not-a-ticket"), null));
    }

    @Test
    void aTicketedSocket_closesWhenTheUnderlyingTokenExpires() throws Exception {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Ticket expiry");
        try (TicketSocket socket = new TicketSocket(withTicket(room, ticket(ic)))) {
            socket.next("welcome");
            clock.advance(Duration.ofHours(13));
            try {
                revocations.closeExpired();
                assertEquals(4401, socket.awaitClose());
                assertEquals("token expired; sign in again", socket.reason);
            } finally {
                clock.advance(Duration.ofHours(-13));
            }
        }
    }

    @Test
    void aTicket_needsASignedInCaller_andOpensNothingButAnUpgrade() {
        given().post("/api/ws-ticket").then().statusCode(401);
        User ic = Api.newUser("Ines");
        String ticket = ticket(ic);
        given().get("/api/rooms?ticket=" + ticket).then().statusCode(401);
        UUID room = Api.newIncident(ic, "Not a member");
        User stranger = Api.newUser("Stranger");
        assertEquals(404, WsClient.upgradeStatus(withTicket(room, ticket(stranger)), null), "a ticket gives no membership");
    }

    @Test
    void answersThatCarryAToken_areNotStored() {
        given().contentType(ContentType.JSON).body(Map.of("username", "admin", "password", Api.ADMIN_PASSWORD))
                .post("/api/auth/login").then().statusCode(200).header("Cache-Control", "no-store");
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "No store");
        given().contentType(ContentType.JSON).body(Map.of("code", Api.invite(ic, room, "legal"), "displayName", "Counsel"))
                .post("/api/auth/join").then().statusCode(200).header("Cache-Control", "no-store");
        assertTrue(ticket(ic).length() >= 40);
        ic.as().get("/api/rooms").then().statusCode(200).header("Cache-Control", (String) null);
    }
}
