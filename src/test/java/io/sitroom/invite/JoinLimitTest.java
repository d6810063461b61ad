package io.sitroom.invite;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;

/** Joining makes a guest account: one client address may join only so often (here 3 a minute). */
@QuarkusTest
@TestProfile(JoinLimitTest.ThreeJoinsAMinute.class)
class JoinLimitTest {

    public static class ThreeJoinsAMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sitroom.limits.joins-per-minute", "3");
        }
    }

    @Test
    void joins_areLimitedPerClientAddress() {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Many guests");
        String code = Api.invite(ic, room, "observer");
        for (int i = 0; i < 3; i++) {
            Api.join(code, "Guest " + i);
        }
        given().contentType(ContentType.JSON).body(Map.of("code", code, "displayName", "One too many")).post("/api/auth/join").then()
                .statusCode(429).body("error.code", equalTo("rate_limited"));
    }
}
