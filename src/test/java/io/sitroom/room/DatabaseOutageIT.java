package io.sitroom.room;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.sitroom.testing.AppProcess;
import io.sitroom.testing.HistoryChecker;
import io.sitroom.testing.TcpProxy;
import io.sitroom.testing.WsClient;

/**
 * PostgreSQL goes away for 30 seconds under the packaged server (every database connection drops,
 * new ones are refused): commands are refused as {@code unavailable} promptly, over WebSocket and
 * REST, the socket stays up, nothing is half-written; when the database is back the server
 * recovers by itself, and the log holds exactly the accepted commands. Every endpoint (signing in
 * included) answers every request of the outage alike: 503 {@code unavailable} with {@code Retry-After}. Readiness
 * stays UP (the database has its own health group), and the node logs the outage in two lines.
 */
class DatabaseOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(30);
    /** "Promptly": well under the time a person waits before giving up on a button. */
    private static final Duration PROMPT = Duration.ofSeconds(6);

    @Test
    void duringAnOutageCommandsAreRefusedPromptly_andAfterItTheServerRecoversByItself() throws Exception {
        AppProcess.emptyDatabase();
        try (TcpProxy database = new TcpProxy("127.0.0.1", 5432);
                AppProcess app = new AppProcess(Map.of("SITROOM_DB_URL",
                        AppProcess.DB_URL.replace("127.0.0.1:5432", "127.0.0.1:" + database.port())))) {
            app.start();
            String admin = app.login("admin", AppProcess.ADMIN_PASSWORD);
            given().baseUri(app.baseUrl()).auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("username", "ines", "displayName", "Ines", "password", "ines-password-1")).post("/api/users")
                    .then().statusCode(201);
            String ines = app.login("ines", "ines-password-1");
            String alerts = app.as(admin).body(Map.of("name", "Alertmanager")).post("/api/integrations").then().statusCode(201).extract()
                    .path("token");
            String room = app.as(ines).body(Map.of("kind", "INCIDENT", "title", "Outage", "severity", "SEV1")).post("/api/rooms")
                    .then().statusCode(201).extract().path("id");
            HistoryChecker history = new HistoryChecker();
            WsClient socket = WsClient.connect(app.roomSocket(room, null), ines);
            long welcome = socket.next("welcome").path("seq").asLong();
            history.connected("ines", welcome, false);
            int sent = 0;
            for (; sent < 5; sent++) {
                assertTrue(command(socket, history, "before-" + sent).path("ok").asBoolean());
            }

            int logBeforeOutage = app.log().length();
            database.cut();
            long outageEnds = System.nanoTime() + OUTAGE.toNanos();
            int refusals = 0;
            Map<String, List<String>> answers = new java.util.TreeMap<>();
            while (System.nanoTime() < outageEnds) {
                long start = System.nanoTime();
                JsonNode result = command(socket, history, "during-" + refusals);
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertEquals("unavailable", result.path("error").path("code").asText(), result.toString());
                assertTrue(took.compareTo(PROMPT) < 0, "refused within " + PROMPT + ", took " + took);

                start = System.nanoTime();
                Response rest = app.as(ines).body(Map.of("commandId", "rest-during-" + refusals, "name", "note.add",
                        "data", Map.of("text", "over REST while the database is away"))).post("/api/rooms/" + room + "/commands");
                took = Duration.ofNanos(System.nanoTime() - start);
                assertEquals(503, rest.statusCode(), "REST refused: " + rest.asString());
                assertTrue(took.compareTo(PROMPT) < 0, "REST answered within " + PROMPT + ", took " + took);
                if (refusals == 0) {
                    Response read = app.as(ines).get("/api/rooms/" + room);
                    assertEquals(503, read.statusCode(), read.asString());
                    assertEquals("unavailable", read.jsonPath().getString("error.code"));
                    assertEquals(503, WsClient.upgradeStatus(app.roomSocket(room, null), ines), "a new socket is refused with 503");
                }
                everyEndpoint(app, admin, ines, alerts, room, answers);
                socket.send(Map.of("type", "ping"));
                assertEquals("pong", socket.next("pong").path("type").asText(), "the socket stays up");
                refusals++;
                Thread.sleep(3_000);
            }
            // Readiness is the node's own: an outage is every node's, and a balancer following it would cut every socket.
            assertEquals(200, given().baseUri(app.baseUrl()).get("/q/health/ready").statusCode(), "still ready without a database");
            assertEquals(503, given().baseUri(app.baseUrl()).get("/q/health/group/database").statusCode(), "the database group says it");
            answers.forEach((endpoint, got) -> assertTrue(got.stream().allMatch("503 unavailable Retry-After"::equals),
                    "every answer of " + endpoint + " during the outage is 503 unavailable with Retry-After: " + answers));
            assertTrue(answers.values().stream().allMatch(got -> got.size() == answers.values().iterator().next().size()));

            database.restore();
            long recoveryDeadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            JsonNode afterwards;
            int attempt = 0;
            do {
                Thread.sleep(500);
                afterwards = command(socket, history, "after-" + attempt++);
            } while (!afterwards.path("ok").asBoolean() && System.nanoTime() < recoveryDeadline);
            assertTrue(afterwards.path("ok").asBoolean(), "the server recovered by itself: " + afterwards);
            for (int i = 0; i < 5; i++) {
                assertTrue(command(socket, history, "later-" + i).path("ok").asBoolean());
            }
            assertEquals(200, given().baseUri(app.baseUrl()).get("/q/health/ready").statusCode());
            assertEquals(200, given().baseUri(app.baseUrl()).get("/q/health/group/database").statusCode());

            // The outage in the log: one WARN when it began and one when it ended, nothing else at WARN or above.
            List<String> loud = app.log().substring(logBeforeOutage).lines()
                    .filter(line -> line.matches("^\\d{4}-\\d{2}-\\d{2} [0-9:,]+ (WARN|ERROR|FATAL) .*")).toList();
            assertEquals(2, loud.size(), "two lines about the outage: " + String.join("\n", loud));
            assertTrue(loud.get(0).contains("the database cannot be reached"), loud.get(0));
            assertTrue(loud.get(1).contains("the database is reachable again"), loud.get(1));

            long head = app.as(ines).get("/api/rooms/" + room).then().statusCode(200).extract().<Number> path("seq").longValue();
            while (history.lastSeen("ines") < head) {
                history.received("ines", socket.next("event"));
            }
            List<Map<String, Object>> log = app.as(ines).get("/api/rooms/" + room + "/events?limit=1000").then().statusCode(200)
                    .extract().jsonPath().getList("events");
            history.check(log, new HashMap<>(Map.of("ines", welcome)));
            app.as(ines).get("/api/rooms/" + room + "/verify").then().statusCode(200).body("ok", org.hamcrest.Matchers.equalTo(true));
            socket.close();
        }
    }

    /**
     * Calls every kind of endpoint once (signing in and joining included, which need no token but the
     * database) and records each answer as "status code Retry-After".
     */
    private static void everyEndpoint(AppProcess app, String admin, String member, String integration, String room,
            Map<String, List<String>> answers) {
        Map<String, java.util.function.Supplier<Response>> calls = new java.util.LinkedHashMap<>();
        calls.put("POST /api/auth/login", () -> given().baseUri(app.baseUrl()).contentType(ContentType.JSON)
                .body(Map.of("username", "ines", "password", "ines-password-1")).post("/api/auth/login"));
        calls.put("POST /api/auth/join", () -> given().baseUri(app.baseUrl()).contentType(ContentType.JSON)
                .body(Map.of("code", "no-such-invitation", "displayName", "Guest")).post("/api/auth/join"));
        calls.put("GET /api/rooms", () -> app.as(member).get("/api/rooms"));
        calls.put("GET /api/rooms/{id}/events", () -> app.as(member).get("/api/rooms/" + room + "/events"));
        calls.put("GET /api/metrics", () -> app.as(member).get("/api/metrics"));
        calls.put("GET /api/users", () -> app.as(admin).get("/api/users"));
        calls.put("POST /api/alerts", () -> given().baseUri(app.baseUrl()).auth().oauth2(integration).contentType(ContentType.JSON)
                .body(Map.of("title", "Disk full", "severity", "critical", "fingerprint", "outage-probe")).post("/api/alerts"));
        calls.forEach((endpoint, call) -> {
            Response answer = call.get();
            String code = answer.contentType() != null && answer.contentType().startsWith("application/json")
                    ? answer.jsonPath().getString("error.code") : "(not JSON: " + answer.contentType() + ")";
            answers.computeIfAbsent(endpoint, e -> new java.util.ArrayList<>())
                    .add(answer.statusCode() + " " + code + (answer.header("Retry-After") != null ? " Retry-After" : ""));
        });
    }

    /** Sends a note and returns its result, recording the events that arrive meanwhile. */
    private static JsonNode command(WsClient socket, HistoryChecker history, String commandId) {
        history.sent(commandId);
        socket.command(commandId, "note.add", Map.of("text", "note " + commandId));
        while (true) {
            JsonNode frame = socket.next();
            if ("event".equals(frame.path("type").asText())) {
                history.received("ines", frame);
            } else if ("result".equals(frame.path("type").asText()) && commandId.equals(frame.path("commandId").asText())) {
                history.result(frame);
                return frame;
            }
        }
    }



}
