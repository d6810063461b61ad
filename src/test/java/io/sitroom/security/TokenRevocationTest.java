package io.sitroom.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;
import io.sitroom.testing.WsClient;

@QuarkusTest
class TokenRevocationTest {

    private static void revokeAll(User user) {
        given().auth().oauth2(Api.adminToken()).post("/api/users/" + user.id() + "/revoke-tokens")
                .then().statusCode(200).body("userId", equalTo(user.id().toString()));
    }

    @Test
    void theAdmin_revokesEveryTokenOfAUser_overRestAndOpenConnections_andAudits() {
        User ic = Api.newUser("Ines");
        User mallory = Api.newUser("Mallory");
        String secondToken = Api.login(mallory.username(), "password-" + mallory.username());
        UUID room = Api.newIncident(ic, "Revocation");
        Api.addMember(ic, room, mallory, "scribe");
        try (WsClient ws = WsClient.connect(mallory, room, null); WsClient icWs = WsClient.connect(ic, room, null)) {
            ws.next("welcome");
            icWs.next("welcome");
            ws.command("before", "note.add", Map.of("text", "still trusted"));
            assertEquals(true, ws.result("before").path("ok").asBoolean());

            given().auth().oauth2(Api.adminToken()).post("/api/users/" + mallory.id() + "/revoke-tokens")
                    .then().statusCode(200).body("revoked", equalTo(2));

            assertEquals(4401, ws.awaitClose(WsClient.WAIT), "the open connection is closed at once");
            assertEquals("token revoked; sign in again", ws.closeReason());
            mallory.as().get("/api/rooms").then().statusCode(401);
            given().auth().oauth2(secondToken).get("/api/rooms").then().statusCode(401);
            Api.command(mallory, room, "note.add", Map.of("text", "after")).then().statusCode(401);
            assertEquals(401, WsClient.upgradeStatus(WsClient.roomUri(room, null), mallory.token()));
            icWs.command("ic", "note.add", Map.of("text", "others carry on"));
            assertEquals(true, icWs.result("ic").path("ok").asBoolean(), "other users are not affected");
        }
        // Signing in again gives a working token.
        String fresh = Api.login(mallory.username(), "password-" + mallory.username());
        given().auth().oauth2(fresh).get("/api/rooms").then().statusCode(200);

        given().auth().oauth2(Api.adminToken()).get("/api/audit?limit=50").then().statusCode(200)
                .body("findAll { it.target == 'user " + mallory.id() + "' }.action", hasItem("user.revoke_tokens"))
                .body(not(containsString(mallory.token())))
                .body(not(containsString(io.sitroom.crypto.Sha256.hex(mallory.token()))));
    }

    @Test
    void revokingTokens_isForTheAdminOnly_andNeedsAUser() {
        User alice = Api.newUser("Alice");
        User bob = Api.newUser("Bob");
        alice.as().post("/api/users/" + bob.id() + "/revoke-tokens").then().statusCode(403);
        bob.as().get("/api/rooms").then().statusCode(200);
        given().auth().oauth2(Api.adminToken()).post("/api/users/" + UUID.randomUUID() + "/revoke-tokens").then().statusCode(404)
                .body("error.code", equalTo("not_found"));
    }

    @Test
    void aGuestsTokens_canBeRevoked_too() {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Guest revocation");
        User guest = Api.join(Api.invite(ic, room, "legal"), "Outside counsel");
        try (WsClient ws = WsClient.connect(guest, room, null)) {
            ws.next("welcome");
            revokeAll(guest);
            assertEquals(4401, ws.awaitClose(WsClient.WAIT));
        }
        Api.command(guest, room, "note.add", Map.of("text", "after")).then().statusCode(401);
    }

    @Test
    void signingOut_closesTheConnectionsOfThatToken_only() {
        User ic = Api.newUser("Ines");
        String otherDevice = Api.login(ic.username(), "password-" + ic.username());
        User onOtherDevice = new User(ic.id(), ic.username(), ic.displayName(), otherDevice);
        UUID room = Api.newIncident(ic, "Sign-out");
        try (WsClient laptop = WsClient.connect(ic, room, null); WsClient phone = WsClient.connect(onOtherDevice, room, null)) {
            laptop.next("welcome");
            phone.next("welcome");
            ic.as().post("/api/auth/logout").then().statusCode(204);
            assertEquals(4401, laptop.awaitClose(WsClient.WAIT));
            phone.command("still", "note.add", Map.of("text", "the phone's token still works"));
            assertEquals(true, phone.result("still").path("ok").asBoolean());
            assertEquals(false, phone.isClosed());
            // Both tokens opened a socket a moment ago: the signed-out one opens nothing more, the other still does.
            assertEquals(401, WsClient.upgradeStatus(WsClient.roomUri(room, null), ic.token()));
            assertEquals(101, WsClient.upgradeStatus(WsClient.roomUri(room, null), otherDevice));
        }
    }
}
