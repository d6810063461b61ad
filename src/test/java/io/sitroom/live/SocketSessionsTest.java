package io.sitroom.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.sitroom.clock.MutableClock;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;
import io.sitroom.testing.WsClient;

/** A socket lives no longer than the sign-in it was opened with, and opens only the room it was checked for. */
@QuarkusTest
class SocketSessionsTest {

    @Inject
    MutableClock clock;

    @Inject
    TokenRevocations revocations;

    @Test
    void aRevocationTheNodeDidNotHear_closesTheSocket_whenItHearsAgain() {
        User ic = Api.newUser("Ines");
        User mallory = Api.newUser("Mallory");
        UUID room = Api.newIncident(ic, "Unheard revocation");
        Api.addMember(ic, room, mallory, "scribe");
        try (WsClient ws = WsClient.connect(mallory, room, null); WsClient icWs = WsClient.connect(ic, room, null)) {
            ws.next("welcome");
            icWs.next("welcome");
            revocations.deaf();
            try {
                // Revoked on another node while this one was not listening: its broadcast never arrives here.
                io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> io.sitroom.security.AuthToken.update(
                        "revokedAt = ?1 where tokenHash = ?2", clock.instant(), io.sitroom.crypto.Sha256.hex(mallory.token())));
                ws.command("unheard", "note.add", Map.of("text", "nobody told this node"));
                assertEquals(true, ws.result("unheard").path("ok").asBoolean(), "the socket was authorised once");
            } finally {
                revocations.hearing();
            }
            assertEquals(4401, ws.awaitClose(WsClient.WAIT), "its token is read again once the node listens again");
            icWs.command("ic", "note.add", Map.of("text", "others carry on"));
            assertEquals(true, icWs.result("ic").path("ok").asBoolean());
            assertEquals(false, icWs.isClosed());
        }
    }

    @Test
    void aSocket_isClosedWith4401_whenItsTokenExpires() {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Expiring");
        try (WsClient ws = WsClient.connect(ic, room, null)) {
            ws.next("welcome");
            revocations.closeExpired();
            ws.command("before", "note.add", Map.of("text", "still signed in"));
            assertEquals(true, ws.result("before").path("ok").asBoolean(), "an unexpired token keeps its socket");
            clock.advance(Duration.ofHours(13));
            try {
                revocations.closeExpired();
                assertEquals(4401, ws.awaitClose(WsClient.WAIT));
                assertEquals("token expired; sign in again", ws.closeReason());
            } finally {
                clock.advance(Duration.ofHours(-13));
            }
        }
    }

    @Test
    void anUpgrade_isCheckedForTheRoomItOpens_whateverDotSegmentsItsPathHas() {
        User mine = Api.newUser("Mia");
        User other = Api.newUser("Otto");
        UUID myRoom = Api.newIncident(mine, "Mine");
        UUID otherRoom = Api.newIncident(other, "Not mine");
        URI sneaky = URI.create("ws://localhost:" + RestAssured.port + "/ws/rooms/" + myRoom + "/../" + otherRoom);
        assertEquals(404, WsClient.upgradeStatus(sneaky, mine.token()));
        URI sneakyEncoded = URI.create("ws://localhost:" + RestAssured.port + "/ws/rooms/" + myRoom + "/%2e%2e/" + otherRoom);
        assertEquals(404, WsClient.upgradeStatus(sneakyEncoded, mine.token()));
    }
}
