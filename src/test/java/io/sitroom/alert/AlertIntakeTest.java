package io.sitroom.alert;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;

@QuarkusTest
class AlertIntakeTest {

    private static String integration(User owner) {
        return given().auth().oauth2(Api.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "Prometheus " + UUID.randomUUID(), "ownerUserId", owner.id().toString(), "defaultSeverity", "SEV3"))
                .post("/api/integrations").then().statusCode(201).body("token", notNullValue()).extract().path("token");
    }

    private static io.restassured.response.Response post(String token, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/alerts");
    }

    @Test
    void genericAlert_opensAnIncident_andTheSameFingerprintAddsToIt() {
        User oncall = Api.newUser("On-call");
        String token = integration(oncall);
        String fingerprint = "disk-" + UUID.randomUUID();
        String room = post(token, Map.of("title", "Disk full on db-01", "severity", "critical", "fingerprint", fingerprint,
                "description", "95% used"))
                .then().statusCode(200).body("[0].opened", equalTo(true)).extract().path("[0].roomId");
        post(token, Map.of("title", "Disk full on db-01", "fingerprint", fingerprint)).then().statusCode(200)
                .body("[0].opened", equalTo(false)).body("[0].roomId", equalTo(room));
        oncall.as().get("/api/rooms/" + room).then().statusCode(200)
                .body("severity", equalTo("SEV1")).body("title", equalTo("Disk full on db-01"))
                .body("members[0].roles", hasItem("incident_commander"));
        List<Map<String, Object>> received = Api.events(oncall, UUID.fromString(room), "alert.received");
        assertEquals(2, received.size());
        assertEquals(2, ((Map<?, ?>) received.get(1).get("data")).get("received"));
    }

    @Test
    void anAlert_opensANewRoom_whenItsRoomIsClosed_andTheAnswerGivesEachEventsSeq() {
        User oncall = Api.newUser("On-call");
        String token = integration(oncall);
        String fingerprint = "cpu-" + UUID.randomUUID();
        Map<String, Object> alert = Map.of("title", "CPU at 100%", "fingerprint", fingerprint);
        var first = post(token, alert).then().statusCode(200).extract().jsonPath();
        UUID closed = UUID.fromString(first.getString("[0].roomId"));
        assertEquals(3, first.getLong("[0].seq"), "room.created, member.added, then the alert");
        Api.accepted(oncall, closed, "room.phase", Map.of("phase", "closed"));
        long closedHead = Api.headSeq(oncall, closed);
        var again = post(token, alert).then().statusCode(200).body("[0].opened", equalTo(true)).extract().jsonPath();
        UUID reopened = UUID.fromString(again.getString("[0].roomId"));
        assertNotEquals(closed, reopened);
        assertEquals(closedHead, Api.headSeq(oncall, closed), "nothing was appended to the closed room");
        assertEquals(4, post(token, alert).then().statusCode(200).extract().jsonPath().getLong("[0].seq"), "a repeat in the new room");
    }

    @Test
    void alertmanagerWebhook_isRead_andResolutionIsRecorded() {
        User oncall = Api.newUser("On-call");
        String token = integration(oncall);
        String fp = UUID.randomUUID().toString().substring(0, 16);
        Map<String, Object> firing = Map.of("version", "4", "status", "firing", "receiver", "sitroom", "groupKey", "{}:{}",
                "alerts", List.of(Map.of("status", "firing", "fingerprint", fp,
                        "labels", Map.of("alertname", "HighErrorRate", "severity", "warning", "service", "checkout"),
                        "annotations", Map.of("summary", "Checkout 5xx above 5%", "description", "for 10 minutes"),
                        "startsAt", "2026-11-29T10:00:00Z")));
        String room = post(token, firing).then().statusCode(200).body("[0].opened", equalTo(true)).extract().path("[0].roomId");
        Map<String, Object> resolved = Map.of("version", "4", "status", "resolved", "alerts", List.of(Map.of("status", "resolved",
                "fingerprint", fp, "labels", Map.of("alertname", "HighErrorRate"), "annotations", Map.of("summary", "Checkout 5xx above 5%"))));
        post(token, resolved).then().statusCode(200).body("[0].roomId", equalTo(room));
        assertEquals(1, Api.events(oncall, UUID.fromString(room), "alert.resolved").size());
        oncall.as().get("/api/rooms/" + room).then().body("severity", equalTo("SEV3"));
    }

    @Test
    void badBodies_are400WithTheReason_andCreateNothing() {
        User oncall = Api.newUser("On-call");
        String token = integration(oncall);
        int roomsBefore = oncall.as().get("/api/rooms").then().extract().jsonPath().getList("$").size();
        post(token, Map.of("severity", "critical")).then().statusCode(400).body("error.message", containsString("title"));
        post(token, Map.of("title", "x", "severity", "apocalyptic")).then().statusCode(400).body("error.message", containsString("severity"));
        post(token, Map.of("alerts", List.of(Map.of("labels", Map.of("alertname", "Good")), Map.of("nolabels", true)))).then()
                .statusCode(400).body("error.message", containsString("alerts[1]"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{oops").post("/api/alerts").then().statusCode(400);
        assertEquals(roomsBefore, oncall.as().get("/api/rooms").then().extract().jsonPath().getList("$").size());
    }

    @Test
    void integrationTokens_openAlertIntakeOnly_andUsersCannotPostAlerts() {
        User oncall = Api.newUser("On-call");
        String token = integration(oncall);
        given().auth().oauth2(token).get("/api/rooms").then().statusCode(401);
        oncall.as().body(Map.of("title", "fake")).post("/api/alerts").then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("title", "anon")).post("/api/alerts").then().statusCode(401);
        given().auth().oauth2("sri_not-a-real-token").contentType(ContentType.JSON).body(Map.of("title", "x")).post("/api/alerts")
                .then().statusCode(401);
        assertNotNull(token);
    }
}
