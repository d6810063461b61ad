package io.sitroom.exercise;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.sitroom.clock.MutableClock;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;

/** {@code POST /api/scenarios/validate}: large uploads checked in linear time, and each account limited per minute. */
@QuarkusTest
class ScenarioValidationTest {

    @Inject
    MutableClock clock;

    private Instant began;

    @BeforeEach
    void freeze() {
        clock.freeze();
        began = clock.instant();
    }

    @AfterEach
    void rewindAndUnfreeze() {
        clock.advance(Duration.between(clock.instant(), began));
        clock.unfreeze();
    }

    private static ValidatableResponse validate(User user, String yaml) {
        return given().auth().oauth2(user.token()).contentType("application/yaml").body(yaml.getBytes(StandardCharsets.UTF_8))
                .post("/api/scenarios/validate").then();
    }

    @Test
    void validate_acceptsAFileOfFifteenThousandChainedInjects() {
        validate(Api.newUser("Val"), ScenarioLinterTest.chain(15_000, null)).statusCode(200).body("valid", equalTo(true))
                .body("errors", hasSize(0));
    }

    @Test
    void validate_stillFindsTheCycle_inAFileOfFifteenThousandChainedInjects() {
        validate(Api.newUser("Val"), ScenarioLinterTest.chain(15_000, "i14999")).statusCode(200).body("valid", equalTo(false))
                .body("errors", hasSize(15_000)).body("errors[0].path", equalTo("injects[0].after"))
                .body("errors[0].message", containsString("cycle"));
    }

    @Test
    void validate_isRateLimited_onTheTwentyFirstCallInAMinute_withRetryAfter() {
        User user = Api.newUser("Val");
        for (int i = 0; i < 20; i++) {
            validate(user, ScenarioLinterTest.VALID).statusCode(200).body("valid", equalTo(true));
        }
        validate(user, ScenarioLinterTest.VALID).statusCode(429).header("Retry-After", "3")
                .body("error.code", equalTo("rate_limited")).body("error.message", containsString("at most 20 a minute"));
        // Another account has its own allowance.
        validate(Api.newUser("Other"), ScenarioLinterTest.VALID).statusCode(200);
        // Once Retry-After has passed, one more is allowed, and no more.
        clock.advance(Duration.ofSeconds(3));
        validate(user, ScenarioLinterTest.VALID).statusCode(200);
        validate(user, ScenarioLinterTest.VALID).statusCode(429);
    }
}
