package io.sitroom.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.sitroom.error.ErrorCode;
import io.sitroom.error.SitroomException;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;
import io.sitroom.testing.WsClient;

@QuarkusTest
class AccountDisableTest {

    @Inject
    OidcAccounts oidcAccounts;

    private static ValidatableResponse asAdmin(String action, UUID userId) {
        return given().auth().oauth2(Api.adminToken()).post("/api/users/" + userId + "/" + action).then();
    }

    private static ValidatableResponse signIn(User user) {
        return given().contentType(ContentType.JSON).body(Map.of("username", user.username(), "password", "password-" + user.username()))
                .post("/api/auth/login").then();
    }

    @Test
    void disable_refusesSignIn_revokesEveryToken_closesOpenSockets_andAudits() {
        User ic = Api.newUser("Ines");
        User leaver = Api.newUser("Leaver");
        String otherDevice = Api.login(leaver.username(), "password-" + leaver.username());
        UUID room = Api.newIncident(ic, "Disable");
        Api.addMember(ic, room, leaver, "scribe");
        try (WsClient ws = WsClient.connect(leaver, room, null)) {
            ws.next("welcome");
            asAdmin("disable", leaver.id()).statusCode(200)
                    .body("userId", equalTo(leaver.id().toString())).body("disabled", equalTo(true)).body("revoked", equalTo(2));
            assertEquals(4401, ws.awaitClose(WsClient.WAIT));
            assertEquals("token revoked; sign in again", ws.closeReason());
        }
        leaver.as().get("/api/rooms").then().statusCode(401);
        given().auth().oauth2(otherDevice).get("/api/rooms").then().statusCode(401);
        assertEquals(401, WsClient.upgradeStatus(WsClient.roomUri(room, null), leaver.token()));
        signIn(leaver).statusCode(403).body("error.code", equalTo("forbidden")).body("error.message", containsString("disabled"));
        // A wrong password still gets the answer every wrong password gets: a stranger learns nothing.
        given().contentType(ContentType.JSON).body(Map.of("username", leaver.username(), "password", "not-the-password"))
                .post("/api/auth/login").then().statusCode(401).body("error.code", equalTo("unauthenticated"));

        given().auth().oauth2(Api.adminToken()).get("/api/audit?limit=50").then().statusCode(200)
                .body("findAll { it.target == 'user " + leaver.id() + "' }.action", hasItem("user.disable"));
    }

    @Test
    void enable_letsTheAccountSignInAgain_butItsOldTokensStayRevoked() {
        User returner = Api.newUser("Returner");
        asAdmin("disable", returner.id()).statusCode(200);
        asAdmin("disable", returner.id()).statusCode(200).body("disabled", equalTo(true)).body("revoked", equalTo(0));
        asAdmin("enable", returner.id()).statusCode(200).body("disabled", equalTo(false));
        String fresh = signIn(returner).statusCode(200).extract().path("token");
        given().auth().oauth2(fresh).get("/api/rooms").then().statusCode(200);
        returner.as().get("/api/rooms").then().statusCode(401);
        given().auth().oauth2(Api.adminToken()).get("/api/audit?limit=50").then().statusCode(200)
                .body("findAll { it.target == 'user " + returner.id() + "' }.action", hasItem("user.enable"));
    }

    @Test
    void disable_isForTheAdminOnly_notOfTheirOwnAccount_andNeedsAUser() {
        User alice = Api.newUser("Alice");
        User bob = Api.newUser("Bob");
        alice.as().post("/api/users/" + bob.id() + "/disable").then().statusCode(403);
        alice.as().post("/api/users/" + bob.id() + "/enable").then().statusCode(403);
        bob.as().get("/api/rooms").then().statusCode(200);
        UUID adminId = UUID.fromString(given().auth().oauth2(Api.adminToken()).get("/api/users").then().statusCode(200)
                .extract().path("find { it.username == 'admin' }.id"));
        asAdmin("disable", adminId).statusCode(409).body("error.code", equalTo("conflict"));
        asAdmin("disable", UUID.randomUUID()).statusCode(404).body("error.code", equalTo("not_found"));
        asAdmin("enable", UUID.randomUUID()).statusCode(404);
    }

    @Test
    void aDisabledAccount_cannotSignInThroughTheCompanyProvider() {
        OidcAccounts.Person person = new OidcAccounts.Person("https://issuer.example", "sub-" + UUID.randomUUID(), "Olga", "olga", null);
        UserService.SignedIn first = oidcAccounts.signIn(person, true);
        asAdmin("disable", first.user().id()).statusCode(200);
        given().auth().oauth2(first.token()).get("/api/rooms").then().statusCode(401);
        SitroomException refused = assertThrows(SitroomException.class, () -> oidcAccounts.signIn(person, true));
        assertEquals(ErrorCode.FORBIDDEN, refused.code());
    }

    @Test
    void aGuest_canBeDisabled_too() {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Guest disable");
        User guest = Api.join(Api.invite(ic, room, "legal"), "Outside counsel");
        try (WsClient ws = WsClient.connect(guest, room, null)) {
            ws.next("welcome");
            asAdmin("disable", guest.id()).statusCode(200).body("revoked", equalTo(1));
            assertEquals(4401, ws.awaitClose(WsClient.WAIT));
        }
        Api.command(guest, room, "note.add", Map.of("text", "after")).then().statusCode(401);
    }
}
