package io.sitroom.alert;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.sitroom.clock.MutableClock;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;

@QuarkusTest
class AlertIntakeTest {

    @Inject
    MutableClock clock;

    private static String integration(User owner) {
        return integration(owner, "Prometheus " + UUID.randomUUID());
    }

    private static String integration(User owner, String name) {
        return given().auth().oauth2(Api.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("name", name, "ownerUserId", owner.id().toString(), "defaultSeverity", "SEV3"))
                .post("/api/integrations").then().statusCode(201).body("token", notNullValue()).extract().path("token");
    }

    /** An Alertmanager notification (webhook_config, version 4) of one group. */
    private static Map<String, Object> notification(String groupKey, List<Map<String, Object>> alerts) {
        return Map.of("version", "4", "groupKey", groupKey, "status", "firing", "receiver", "sitroom", "groupLabels", Map.of(),
                "commonLabels", Map.of(), "commonAnnotations", Map.of(), "externalURL", "http://alertmanager:9093", "alerts", alerts);
    }

    private static Map<String, Object> amAlert(String fingerprint, String status, String alertname, String severity, String summary) {
        return Map.of("status", status, "fingerprint", fingerprint,
                "labels", Map.of("alertname", alertname, "severity", severity, "namespace", "monitoring"),
                "annotations", Map.of("summary", summary), "startsAt", "2026-11-29T10:00:00Z", "endsAt", "0001-01-01T00:00:00Z",
                "generatorURL", "http://prometheus:9090/graph");
    }

    private static List<Map<String, Object>> alertsOf(User member, String roomId) {
        return member.as().get("/api/rooms/" + roomId + "/alerts").then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static double counted(String outcome) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("sitroom_alerts_received_total\\{outcome=\"" + outcome + "\",?\\} ([0-9.eE+]+)").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
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
        var repeat = post(token, alert).then().statusCode(200).body("[0].roomId", equalTo(reopened.toString()))
                .body("[0].outcome", equalTo("unchanged")).extract().jsonPath();
        assertNull(repeat.get("[0].seq"), "a resend that changes nothing appends nothing");
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
        post(token, Map.of("title", "x", "fingerprint", "f".repeat(5_000))).then().statusCode(400)
                .body("error.message", containsString("'fingerprint' is longer than 200 characters"));
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

    @Test
    void unknownSeverities_loseNothing_andTheWholeGroupIsRecordedInOneRoom() {
        User oncall = Api.newUser("On-call");
        String token = integration(oncall);
        String group = "{}/{severity=~\"critical|none\"}:{namespace=\"monitoring\"}";
        List<String> severities = List.of("none", "critical", "ticket", "emergency", "notice", "debug", "apocalyptic");
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (String severity : severities) {
            alerts.add(amAlert("fp-" + severity + "-" + UUID.randomUUID().toString().substring(0, 8), "firing",
                    severity.equals("none") ? "Watchdog" : "Alert" + severity, severity, "Alert of severity " + severity));
        }
        JsonPath answer = post(token, notification(group, alerts)).then().statusCode(200).body("$", hasSize(severities.size()))
                .extract().jsonPath();
        String room = answer.getString("[0].roomId");
        for (int i = 0; i < severities.size(); i++) {
            assertEquals(room, answer.getString("[" + i + "].roomId"), "one room for the group");
            assertEquals("opened", answer.getString("[" + i + "].outcome"));
            assertEquals(3 + i, answer.getLong("[" + i + "].seq"), "room.created, member.added, then each alert in order");
            assertEquals(severities.get(i), answer.getString("[" + i + "].severityLabel"));
        }
        assertEquals("SEV4", answer.getString("[0].severity"), "the Watchdog's 'none'");
        assertEquals("SEV3", answer.getString("[6].severity"), "an unknown value: the default (the integration's)");
        assertTrue(answer.getString("[6].detail").contains("'apocalyptic' is not in the severity map"), answer.getString("[6].detail"));
        oncall.as().get("/api/rooms/" + room).then().body("severity", equalTo("SEV1"))
                .body("title", equalTo("Alert of severity critical (7 firing)"));
        List<Map<String, Object>> events = Api.events(oncall, UUID.fromString(room), "alert.received");
        assertEquals(severities.size(), events.size());
        Map<?, ?> unknown = (Map<?, ?>) events.get(6).get("data");
        assertEquals("apocalyptic", unknown.get("severityLabel"));
        assertEquals("SEV3", unknown.get("severity"));
        assertEquals(Map.of("summary", "Alert of severity apocalyptic"), unknown.get("annotations"));
        assertEquals("http://prometheus:9090/graph", unknown.get("generatorUrl"));
    }

    @Test
    void fiveThousandAlerts_inOneNotification_areRecordedInOneRoom_andEachIsAnswered() throws Exception {
        User oncall = Api.newUser("On-call");
        String token = integration(oncall);
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            // As Alertmanager writes them: labels, annotations, times and a link (about 800 bytes each, 4 MB in all).
            alerts.add(Map.of("status", "firing", "fingerprint", run + i,
                    "labels", Map.of("alertname", "NodeDown", "instance", "node-" + i + ".prod.example.com:9100", "job", "node-exporter",
                            "severity", "critical", "team", "platform", "region", "eu-west-1"),
                    "annotations", Map.of("summary", "Node node-" + i + " is down",
                            "description", "node-exporter on node-" + i + ".prod.example.com has not answered a scrape for 5 minutes; "
                                    + "the hosts behind it may be unreachable.",
                            "runbook_url", "https://runbooks.example.com/node/NodeDown"),
                    "startsAt", "2026-12-01T10:00:00.000Z", "endsAt", "0001-01-01T00:00:00Z",
                    "generatorURL", "http://prometheus.example.com:9090/graph?g0.expr=up%7Bjob%3D%22node-exporter%22%7D+%3D%3D+0&g0.tab=1"));
        }
        // Written once: the time measured is the server's, not the client's serialising of 5,000 maps.
        String body = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(notification("{}:{alertname=\"NodeDown\"}", alerts));
        long start = System.nanoTime();
        var response = post(token, body);
        Duration first = Duration.ofNanos(System.nanoTime() - start);
        JsonPath answer = response.then().statusCode(200).body("$", hasSize(5_000)).extract().jsonPath();
        String room = answer.getString("[0].roomId");
        List<String> rooms = answer.getList("roomId");
        assertTrue(rooms.stream().allMatch(room::equals), "one room for the group");
        List<Number> seqs = answer.getList("seq");
        for (int i = 0; i < 5_000; i++) {
            assertEquals(3L + i, seqs.get(i).longValue());
        }
        assertEquals(5_000, alertsOf(oncall, room).size());
        long head = Api.headSeq(oncall, UUID.fromString(room));

        start = System.nanoTime();
        response = post(token, body);
        Duration resend = Duration.ofNanos(System.nanoTime() - start);
        JsonPath again = response.then().statusCode(200).body("$", hasSize(5_000)).extract().jsonPath();
        assertTrue(again.getList("outcome").stream().allMatch("unchanged"::equals));
        assertTrue(again.getList("seq").stream().allMatch(java.util.Objects::isNull));
        assertEquals(head, Api.headSeq(oncall, UUID.fromString(room)), "a resend of the whole group appends nothing");
        System.out.printf("5,000 alerts (%d bytes): first notification %d ms, resend %d ms%n", body.length(), first.toMillis(),
                resend.toMillis());
    }

    @Test
    void aResendThatChangesNothing_appendsNothing_andIsCountedWhereTheRoomListsItsAlerts() {
        User oncall = Api.newUser("On-call");
        String token = integration(oncall);
        String fp = "rs-" + UUID.randomUUID();
        String group = "{}:{alertname=\"HighErrorRate\"}";
        Map<String, Object> firing = amAlert(fp, "firing", "HighErrorRate", "warning", "Checkout 5xx above 5%");
        String room = post(token, notification(group, List.of(firing))).then().statusCode(200)
                .body("[0].outcome", equalTo("opened")).extract().path("[0].roomId");
        Map<String, Object> before = alertsOf(oncall, room).get(0);
        double unchangedBefore = counted("unchanged");

        clock.freeze();
        try {
            clock.advance(Duration.ofMinutes(4));
            post(token, notification(group, List.of(firing))).then().statusCode(200).body("[0].outcome", equalTo("unchanged"))
                    .body("[0].seq", equalTo(null)).body("[0].received", equalTo(2)).body("[0].roomId", equalTo(room))
                    .body("[0].detail", containsString("nothing appended"));
        } finally {
            clock.unfreeze();
        }
        assertEquals(1, Api.events(oncall, UUID.fromString(room), "alert.received").size(), "a resend is not an event");
        Map<String, Object> after = alertsOf(oncall, room).get(0);
        assertEquals(2, after.get("received"));
        assertEquals(before.get("firstSeen"), after.get("firstSeen"));
        Duration moved = Duration.between(Instant.parse((String) before.get("lastSeen")), Instant.parse((String) after.get("lastSeen")));
        assertTrue(moved.compareTo(Duration.ofMinutes(4)) >= 0 && moved.compareTo(Duration.ofMinutes(5)) < 0, "last seen moved: " + moved);
        assertEquals(before.get("lastSeq"), after.get("lastSeq"));
        assertEquals(unchangedBefore + 1, counted("unchanged"));

        // A new alert in the group, and the first one resolved: one event each, nothing for the unchanged.
        String fp2 = "rs2-" + UUID.randomUUID();
        JsonPath changes = post(token, notification(group, List.of(amAlert(fp, "resolved", "HighErrorRate", "warning", "Checkout 5xx above 5%"),
                amAlert(fp2, "firing", "HighErrorRate", "critical", "Payments 5xx above 5%")))).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("appended", "appended"), changes.getList("outcome"));
        long head = Api.headSeq(oncall, UUID.fromString(room));
        assertEquals(List.of(head - 1, head), changes.getList("seq", Long.class));
        assertEquals(1, Api.events(oncall, UUID.fromString(room), "alert.resolved").size());
        assertEquals(2, Api.events(oncall, UUID.fromString(room), "alert.received").size());
        List<Map<String, Object>> listed = alertsOf(oncall, room);
        assertEquals(List.of(fp, fp2), listed.stream().map(a -> a.get("fingerprint")).toList(), "in the order they arrived");
        assertEquals(List.of("resolved", "firing"), listed.stream().map(a -> a.get("status")).toList());
        assertEquals(3, listed.get(0).get("received"));
        assertEquals(Map.of("alertname", "HighErrorRate", "severity", "critical", "namespace", "monitoring"), listed.get(1).get("labels"));
        // New annotations are a change too.
        post(token, notification(group, List.of(amAlert(fp2, "firing", "HighErrorRate", "critical", "Payments 5xx above 9%"))))
                .then().statusCode(200).body("[0].outcome", equalTo("appended")).body("[0].seq", equalTo((int) head + 1));
    }

    @Test
    void roomAlerts_areListedForMembersOnly() {
        User oncall = Api.newUser("On-call");
        User stranger = Api.newUser("Stranger");
        String token = integration(oncall);
        String room = post(token, Map.of("title", "Disk full", "fingerprint", "m-" + UUID.randomUUID())).then().statusCode(200)
                .extract().path("[0].roomId");
        assertEquals(1, alertsOf(oncall, room).size());
        stranger.as().get("/api/rooms/" + room + "/alerts").then().statusCode(404);
        given().auth().oauth2(token).get("/api/rooms/" + room + "/alerts").then().statusCode(401);
    }

    @Test
    void aResolvedAlert_withNoOpenRoom_isAnsweredIgnored() {
        User oncall = Api.newUser("On-call");
        String token = integration(oncall);
        post(token, Map.of("title", "Disk full", "fingerprint", "ig-" + UUID.randomUUID(), "status", "resolved")).then().statusCode(200)
                .body("[0].outcome", equalTo("ignored")).body("[0].roomId", equalTo(null)).body("[0].seq", equalTo(null));
    }

    @Test
    void aBodyThatIsNotAnAlertPayload_is400_andLeavesOneSafeLogLine() {
        User oncall = Api.newUser("On-call");
        given().auth().oauth2(Api.adminToken()).contentType(ContentType.JSON).body(Map.of("name", "Prom\n2026-12-01 ERROR forged line"))
                .post("/api/integrations").then().statusCode(400).body("error.message", equalTo("field 'name' must be one line"));
        String token = integration(oncall);
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(AlertService.class.getName());
        logger.addHandler(capture);
        double refusedBefore = counted("refused");
        try {
            post(token, Map.of("hello", "world")).then().statusCode(400).body("error.code", equalTo("invalid"))
                    .body("error.message", containsString("not an alert"));
            given().auth().oauth2(token).contentType(ContentType.JSON).body("[1,\n2026-12-01 ERROR forged line").post("/api/alerts").then().statusCode(400)
                    .body("error.message", containsString("not JSON"));
        } finally {
            logger.removeHandler(capture);
        }
        assertEquals(2, lines.size(), String.valueOf(lines));
        for (String line : lines) {
            assertTrue(line.startsWith("alert intake refused a body"), line);
            assertTrue(line.chars().noneMatch(c -> c < 0x20), "no raw control characters: " + line);
        }
        assertTrue(lines.get(0).contains("not an alert"));
        assertEquals(refusedBefore + 2, counted("refused"));
    }

    @Test
    void notificationsOfOneNewGroupAtOnce_openOneRoom() throws Exception {
        User oncall = Api.newUser("On-call");
        String token = integration(oncall);
        String group = "{}:{alertname=\"Race-" + UUID.randomUUID() + "\"}";
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String fp = "race-" + i + "-" + UUID.randomUUID();
                answers.add(pool.submit(() -> post(token, notification(group, List.of(amAlert(fp, "firing", "Race", "critical", "Race"))))
                        .then().statusCode(200).extract().<String> path("[0].roomId")));
            }
            List<String> rooms = new ArrayList<>();
            for (var answer : answers) {
                rooms.add(answer.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertEquals(1, rooms.stream().distinct().count(), "one room for the group: " + rooms);
            assertEquals(4, alertsOf(oncall, rooms.get(0)).size());
        } finally {
            pool.shutdownNow();
        }
    }
}
