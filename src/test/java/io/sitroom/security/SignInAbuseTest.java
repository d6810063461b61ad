package io.sitroom.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.sitroom.clock.MutableClock;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;

/** Password sign-in under guessing: the client address comes from X-Forwarded-For (trusted in tests). */
@QuarkusTest
class SignInAbuseTest {

    @Inject
    MutableClock clock;

    private static String someAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198.51." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    private static ValidatableResponse signIn(String from, String username, String password) {
        return given().header("X-Forwarded-For", from).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password)).post("/api/auth/login").then();
    }

    @Test
    void guessingAnAccount_isThrottledFromThatAddress_with429AndRetryAfter_whileItsOwnerSignsInFromTheirs() {
        User owner = Api.newUser("Owner");
        String attacker = someAddress();
        String rightPassword = "password-" + owner.username();
        for (int i = 0; i < 6; i++) {
            signIn(attacker, owner.username(), "guess-number-" + i).statusCode(401).body("error.code", equalTo("unauthenticated"));
        }
        // The sixth failure is one beyond the five free ones: a second's hold-back, right password or not.
        signIn(attacker, owner.username(), rightPassword).statusCode(429).header("Retry-After", "1")
                .body("error.code", equalTo("rate_limited"));
        signIn(someAddress(), owner.username(), rightPassword).statusCode(200);
        // Once the hold-back has passed, the right password works from there too.
        clock.advance(Duration.ofSeconds(2));
        signIn(attacker, owner.username(), rightPassword).statusCode(200);
    }

    @Test
    void theHoldBack_doubles_withEachFurtherFailure() {
        User owner = Api.newUser("Doubled");
        String attacker = someAddress();
        for (int i = 0; i < 6; i++) {
            signIn(attacker, owner.username(), "guess-number-" + i).statusCode(401);
        }
        clock.advance(Duration.ofSeconds(1));
        signIn(attacker, owner.username(), "guess-number-7").statusCode(401);
        signIn(attacker, owner.username(), "guess-number-8").statusCode(429).header("Retry-After", "2");
    }

    @Test
    void createUser_refusesPasswordsUnder12Characters_andCommonOnes() {
        given().auth().oauth2(Api.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("username", "eleven", "displayName", "Eleven", "password", "abcdefghijk"))
                .post("/api/users").then().statusCode(400).body("error.code", equalTo("invalid"))
                .body("error.message", containsString("12 to 72"));
        given().auth().oauth2(Api.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("username", "common", "displayName", "Common", "password", "1qaz2wsx3edc"))
                .post("/api/users").then().statusCode(400).body("error.code", equalTo("invalid"))
                .body("error.message", containsString("most common"));
    }
}
