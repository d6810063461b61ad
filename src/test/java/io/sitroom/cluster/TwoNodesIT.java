package io.sitroom.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.response.Response;
import io.sitroom.testing.AppProcess;
import io.sitroom.testing.HistoryChecker;
import io.sitroom.testing.WsClient;

/**
 * Two packaged nodes on one PostgreSQL database, clients on both, commands into one room through
 * both nodes at once, over WebSocket and REST: every client gets every event once, in order, and
 * a client that moves from one node to the other resumes without gap or duplicate.
 */
class TwoNodesIT {

    private static final int NOTES_PER_WRITER = 60;

    /** A connection whose every frame is recorded in the history under the client's name. */
    private static final class Client {
        final String name;
        final WsClient socket;
        final HistoryChecker history;

        Client(String name, WsClient socket, HistoryChecker history, boolean resume, long since) {
            this.name = name;
            this.socket = socket;
            this.history = history;
            long welcome = socket.next("welcome").path("seq").asLong();
            history.connected(name, resume ? since : welcome, resume);
        }

        /** Reads until it has events up to {@code head} and the results of {@code commands} sent on it. */
        void readUpTo(long head, int commands) {
            long last = history.lastSeen(name);
            int results = 0;
            while (last < head || results < commands) {
                JsonNode frame = socket.next();
                switch (frame.path("type").asText()) {
                    case "event" -> {
                        history.received(name, frame);
                        last = frame.path("seq").asLong();
                    }
                    case "result" -> {
                        history.result(frame);
                        results++;
                    }
                    default -> throw new AssertionError(name + " got an unexpected frame " + frame);
                }
            }
        }
    }

    private static void withCluster(Map<String, String> settings, ClusterScript script) throws Exception {
        AppProcess.emptyDatabase();
        try (AppProcess a = new AppProcess(settings); AppProcess b = new AppProcess(settings)) {
            // Both at once on the empty database: one migrates and creates the admin, the other waits or finds it made.
            CompletableFuture<Void> startingA = CompletableFuture.runAsync(() -> start(a));
            start(b);
            startingA.join();
            script.run(a, b);
        }
    }

    private static void start(AppProcess app) {
        try {
            app.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private interface ClusterScript {
        void run(AppProcess a, AppProcess b) throws Exception;
    }

    @Test
    void eventsAppendedOnEitherNodeReachClientsOnBoth_inOrder_onceEach_andAClientResumesOnTheOtherNode() throws Exception {
        withCluster(Map.of(), this::writeThroughBothNodes);
    }

    @Test
    void withoutWakeUps_theSlowPollStillDeliversEverythingInOrder() throws Exception {
        withCluster(Map.of("SITROOM_CLUSTER_ENABLED", "false", "SITROOM_CLUSTER_POLL_INTERVAL", "1s"), this::writeThroughBothNodes);
    }

    @Test
    void aRevocationOnOneNode_closesTheUsersSocketsOnTheOther_within2Seconds() throws Exception {
        withCluster(Map.of(), (a, b) -> {
            String admin = a.login("admin", AppProcess.ADMIN_PASSWORD);
            String id = a.as(admin).body(Map.of("username", "mallory", "displayName", "Mallory", "password", "mallory-password-1"))
                    .post("/api/users").then().statusCode(201).extract().path("id");
            String token = b.login("mallory", "mallory-password-1");
            String room = b.as(token).body(Map.of("kind", "INCIDENT", "title", "Revoked elsewhere", "severity", "SEV2"))
                    .post("/api/rooms").then().statusCode(201).extract().path("id");
            try (WsClient onB = WsClient.connect(b.roomSocket(room, null), token)) {
                onB.next("welcome");
                long revokedAt = System.nanoTime();
                a.as(admin).post("/api/users/" + id + "/revoke-tokens").then().statusCode(200);
                assertEquals(4401, onB.awaitClose(Duration.ofSeconds(5)), "node B closes the socket of a sign-in revoked on node A");
                Duration took = Duration.ofNanos(System.nanoTime() - revokedAt);
                org.junit.jupiter.api.Assertions.assertTrue(took.compareTo(Duration.ofSeconds(2)) < 0, "within 2 s: " + took);
                b.as(token).get("/api/rooms").then().statusCode(401);
            }
        });
    }

    private void writeThroughBothNodes(AppProcess a, AppProcess b) throws Exception {
        String admin = a.login("admin", AppProcess.ADMIN_PASSWORD);
        Map<String, String> tokens = new HashMap<>();
        Map<String, String> ids = new HashMap<>();
        for (String name : List.of("ines", "carl", "lena")) {
            ids.put(name, a.as(admin).body(Map.of("username", name, "displayName", name, "password", name + "-password-1"))
                    .post("/api/users").then().statusCode(201).extract().path("id"));
            // Signed in on node B, used on both: tokens live in the shared database.
            tokens.put(name, b.login(name, name + "-password-1"));
        }
        String room = a.as(tokens.get("ines")).body(Map.of("kind", "INCIDENT", "title", "Two nodes", "severity", "SEV2"))
                .post("/api/rooms").then().statusCode(201).extract().path("id");
        a.as(tokens.get("ines")).body(Map.of("userId", ids.get("carl"), "roles", List.of("containment_lead")))
                .post("/api/rooms/" + room + "/members").then().statusCode(201);
        b.as(tokens.get("ines")).body(Map.of("userId", ids.get("lena"), "roles", List.of("scribe")))
                .post("/api/rooms/" + room + "/members").then().statusCode(201);

        HistoryChecker history = new HistoryChecker();
        Client inesOnA = new Client("ines@A", WsClient.connect(a.roomSocket(room, null), tokens.get("ines")), history, false, 0);
        Client carlOnB = new Client("carl@B", WsClient.connect(b.roomSocket(room, null), tokens.get("carl")), history, false, 0);
        Client lenaOnB = new Client("lena", WsClient.connect(b.roomSocket(room, null), tokens.get("lena")), history, false, 0);
        Map<String, Long> startedAfter = new HashMap<>(Map.of("ines@A", history.lastSeen("ines@A"),
                "carl@B", history.lastSeen("carl@B"), "lena", history.lastSeen("lena")));

        // Ines writes over her socket on A, Carl over his on B, Lena over REST on both, all at once.
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        writers.add(CompletableFuture.runAsync(() -> sendNotes(inesOnA, history, "ines")));
        writers.add(CompletableFuture.runAsync(() -> sendNotes(carlOnB, history, "carl")));
        writers.add(CompletableFuture.runAsync(() -> postNotes(List.of(a, b), tokens.get("lena"), room, history)));

        // Meanwhile Lena's socket on B reads a while, drops, and resumes on node A from where it was.
        lenaOnB.readUpTo(history.lastSeen("lena") + 20, 0);
        lenaOnB.socket.close();
        Thread.sleep(300);
        long since = history.lastSeen("lena");
        Client lenaOnA = new Client("lena", WsClient.connect(a.roomSocket(room, "since=" + since), tokens.get("lena")), history, true, since);

        CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get();
        long head = b.as(tokens.get("ines")).get("/api/rooms/" + room)
                .then().statusCode(200).extract().<Number> path("seq").longValue();
        inesOnA.readUpTo(head, NOTES_PER_WRITER + 2);
        carlOnB.readUpTo(head, NOTES_PER_WRITER + 2);
        lenaOnA.readUpTo(head, 0);
        for (Client client : List.of(inesOnA, carlOnB, lenaOnA)) {
            assertEquals(List.of(), client.socket.drain(Duration.ofMillis(300)), client.name + " got nothing more");
            client.socket.close();
        }

        List<Map<String, Object>> log = a.as(tokens.get("ines")).get("/api/rooms/" + room + "/events?limit=1000").then().statusCode(200)
                .extract().jsonPath().getList("events");
        history.check(log, startedAfter);
        b.as(tokens.get("ines")).get("/api/rooms/" + room + "/verify").then().statusCode(200).body("ok", org.hamcrest.Matchers.equalTo(true));
    }

    /** Notes over a socket, plus one refused command and one repeated command id. */
    private static void sendNotes(Client client, HistoryChecker history, String author) {
        for (int i = 1; i <= NOTES_PER_WRITER; i++) {
            String id = author + "-" + i;
            history.sent(id);
            client.socket.command(id, "note.add", Map.of("text", author + " note " + i));
        }
        history.sent(author + "-refused");
        client.socket.command(author + "-refused", "note.add", Map.of("text", ""));
        client.socket.command(author + "-1", "note.add", Map.of("text", "sent again: must not be appended twice"));
    }

    private static void postNotes(List<AppProcess> nodes, String token, String room, HistoryChecker history) {
        for (int i = 1; i <= NOTES_PER_WRITER; i++) {
            String id = "lena-" + i;
            history.sent(id);
            Response response = nodes.get(i % 2).as(token).body(Map.of("commandId", id, "name", "note.add", "data", Map.of("text", "lena note " + i)))
                    .post("/api/rooms/" + room + "/commands");
            history.result(response.jsonPath().<String, Object> getMap(""));
        }
    }
}
