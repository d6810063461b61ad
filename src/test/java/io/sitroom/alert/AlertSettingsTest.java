package io.sitroom.alert;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;

/** The alert intake's settings: one room per alert, a severity map entry of one's own, a default for unknown values. */
@QuarkusTest
@TestProfile(AlertSettingsTest.Settings.class)
class AlertSettingsTest {

    public static class Settings implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sitroom.alerts.grouping", "alert", "sitroom.alerts.severity-map.p0", "SEV1",
                    "sitroom.alerts.severity-map.warning", "SEV2", "sitroom.alerts.default-severity", "SEV4");
        }
    }

    private static String integration(User owner) {
        return given().auth().oauth2(Api.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "Prometheus " + UUID.randomUUID(), "ownerUserId", owner.id().toString(), "defaultSeverity", "SEV2"))
                .post("/api/integrations").then().statusCode(201).body("token", notNullValue()).extract().path("token");
    }

    private static Map<String, Object> alert(String fingerprint, String severity) {
        return Map.of("status", "firing", "fingerprint", fingerprint, "labels", Map.of("alertname", "A" + severity, "severity", severity));
    }

    @Test
    void groupedByAlert_eachAlertOfANotificationOpensItsOwnRoom_withTheConfiguredSeverities() {
        User oncall = Api.newUser("On-call");
        String token = integration(oncall);
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = Map.of("version", "4", "groupKey", "{}:{}", "status", "firing", "alerts",
                List.of(alert(run + "-a", "P0"), alert(run + "-b", "warning"), alert(run + "-c", "apocalyptic")));
        JsonPath answer = given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/alerts").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("opened", "opened", "opened"), answer.getList("outcome"));
        assertEquals(3, answer.getList("roomId").stream().distinct().count(), "one room per alert");
        assertEquals(List.of("SEV1", "SEV2", "SEV4"), answer.getList("severity"), "the map's entries, then the configured default");
        assertEquals(List.of(3, 3, 3), answer.getList("seq"));
        oncall.as().get("/api/rooms/" + answer.getString("[0].roomId")).then().body("severity", equalTo("SEV1"));

        JsonPath again = given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/alerts").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("unchanged", "unchanged", "unchanged"), again.getList("outcome"));
        assertEquals(answer.getList("roomId"), again.getList("roomId"));
        assertNotEquals(answer.getString("[0].roomId"), answer.getString("[1].roomId"));
    }
}
