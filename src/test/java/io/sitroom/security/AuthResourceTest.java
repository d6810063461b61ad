package io.sitroom.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.sitroom.clock.MutableClock;
import io.sitroom.testing.Api;

@QuarkusTest
class AuthResourceTest {

    @Inject
    MutableClock clock;

    @Test
    void login_returnsTokenAndUser_forTheBootstrappedAdmin() {
        given().contentType(ContentType.JSON)
                .body(Map.of("username", "admin", "password", Api.ADMIN_PASSWORD))
                .post("/api/auth/login")
                .then().statusCode(200)
                .body("token", notNullValue())
                .body("user.username", equalTo("admin"))
                .body("user.id", notNullValue())
                .body("user.admin", equalTo(true))
                .body("expiresAt", org.hamcrest.Matchers.matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
    }

    @Test
    void theSession_saysWhoIsTheAdmin_andNobodyElsesSaysAnything() {
        String admin = Api.login("admin", Api.ADMIN_PASSWORD);
        given().header("Authorization", "Bearer " + admin).get("/api/auth/session").then().statusCode(200)
                .body("user.username", equalTo("admin")).body("user.admin", equalTo(true));
        Api.User alice = Api.newUser("Alice Admin-Not");
        alice.as().get("/api/auth/session").then().statusCode(200)
                .body("user.displayName", equalTo("Alice Admin-Not")).body("user", not(hasKey("admin")));
    }

    @Test
    void login_is401_withWrongPassword_orUnknownUser() {
        given().contentType(ContentType.JSON).body(Map.of("username", "admin", "password", "not-the-password"))
                .post("/api/auth/login").then().statusCode(401).body("error.code", equalTo("unauthenticated"));
        given().contentType(ContentType.JSON).body(Map.of("username", "nobody-here", "password", "whatever-it-is"))
                .post("/api/auth/login").then().statusCode(401);
    }

    @Test
    void apiCalls_are401_withoutToken_orWithAnUnknownToken() {
        given().get("/api/rooms").then().statusCode(401);
        given().auth().oauth2("not-a-real-token").get("/api/rooms").then().statusCode(401);
    }

    @Test
    void companySignIn_isOffByDefault_andItsPathsAreNotFound() {
        given().get("/api/auth/oidc").then().statusCode(200).body("enabled", equalTo(false));
        given().redirects().follow(false).get("/api/auth/oidc/login").then().statusCode(404);
        given().redirects().follow(false).get("/api/auth/oidc/callback?code=abc&state=def").then().statusCode(404);
        given().auth().oauth2(Api.adminToken()).get("/api/rooms").then().statusCode(200);
        Api.User user = Api.newUser("Unlinked");
        given().auth().oauth2(Api.adminToken()).contentType(ContentType.JSON).body(Map.of("issuer", "https://idp.example", "subject", "s-1"))
                .post("/api/users/" + user.id() + "/oidc-links").then().statusCode(409).body("error.code", equalTo("conflict"));
    }

    @Test
    void createUser_isAdminOnly() {
        Api.User alice = Api.newUser("Alice");
        alice.as().body(Map.of("username", "mallory", "displayName", "Mallory", "password", "long-enough-password"))
                .post("/api/users").then().statusCode(403);
    }

    @Test
    void createUser_refusesShortPasswords_andTakenUsernames() {
        given().auth().oauth2(Api.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("username", "shorty", "displayName", "Shorty", "password", "short"))
                .post("/api/users").then().statusCode(400).body("error.code", equalTo("invalid"));
        given().auth().oauth2(Api.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("username", "admin", "displayName", "Again", "password", "long-enough-password"))
                .post("/api/users").then().statusCode(409).body("error.code", equalTo("conflict"));
    }

    @Test
    void passwords_areStoredAsBcrypt_andTokensOnlyAsHashes() {
        Api.User bob = Api.newUser("Bob");
        StoredSecrets stored = storedSecrets(bob);
        assertTrue(stored.passwordHash().startsWith("$2"), "bcrypt modular crypt form");
        assertFalse(stored.passwordHash().contains("password-" + bob.username()));
        assertFalse(stored.tokenRowExistsForClearToken(), "the clear token is not a key of the token table");
    }

    @Test
    void token_expires_afterItsLifetime() {
        Api.User carol = Api.newUser("Carol");
        carol.as().get("/api/rooms").then().statusCode(200);
        clock.advance(Duration.ofHours(13));
        try {
            carol.as().get("/api/rooms").then().statusCode(401);
        } finally {
            clock.advance(Duration.ofHours(-13));
        }
    }

    record StoredSecrets(String passwordHash, boolean tokenRowExistsForClearToken) {
    }

    @Transactional
    StoredSecrets storedSecrets(Api.User user) {
        AppUser row = AppUser.findById(user.id());
        return new StoredSecrets(row.passwordHash, AuthToken.findById(user.token()) != null);
    }
}
