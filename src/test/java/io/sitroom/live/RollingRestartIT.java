package io.sitroom.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.response.Response;
import io.sitroom.testing.AppProcess;
import io.sitroom.testing.HistoryChecker;

/**
 * A rolling restart of two packaged nodes under load: each node in turn gets SIGTERM, drains (readiness DOWN, new
 * sockets refused, queued commands answered, sockets closed with 1001) and is started again, while clients write
 * over sockets and REST through a balancer that follows readiness. Nothing is lost, nothing is appended twice, every
 * client's stream runs in order without gap, and no request fails.
 */
class RollingRestartIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int USERS = 4;
    private static final int SOCKETS_PER_USER = 3;
    private static final Map<String, String> SETTINGS = Map.of("SITROOM_SECURITY_BCRYPT_COST", "4",
            "SITROOM_DRAIN_READINESS_DELAY", "1s", "SITROOM_DRAIN_RECONNECT_WINDOW", "2s");

    /** What a balancer that probes readiness every 200 ms would send new work to. */
    private static final class Balancer implements AutoCloseable {
        private final List<AppProcess> nodes;
        private final Set<AppProcess> ready = ConcurrentHashMap.newKeySet();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread prober;

        Balancer(List<AppProcess> nodes) {
            this.nodes = nodes;
            probe();
            this.prober = new Thread(() -> {
                while (running.get()) {
                    probe();
                    sleep(200);
                }
            }, "balancer-probe");
            prober.start();
        }

        private void probe() {
            for (AppProcess node : nodes) {
                if (readiness(node) == 200) {
                    ready.add(node);
                } else {
                    ready.remove(node);
                }
            }
        }

        AppProcess pick() {
            while (true) {
                List<AppProcess> candidates = new ArrayList<>(ready);
                if (!candidates.isEmpty()) {
                    return candidates.get(ThreadLocalRandom.current().nextInt(candidates.size()));
                }
                sleep(50);
            }
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            prober.join();
        }
    }

    private record Closed(int code, String reason) {
    }

    /** One socket of a member that writes notes one after another and follows the room across restarts. */
    private static final class Writer implements Runnable {
        final String name;
        final String token;
        final String room;
        final Balancer balancer;
        final HistoryChecker history;
        final AtomicBoolean stop;
        final List<String> failures;
        final List<Closed> closes = new CopyOnWriteArrayList<>();
        final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
        /** Counted down once the writer has its last command's result. */
        final java.util.concurrent.CountDownLatch idle = new java.util.concurrent.CountDownLatch(1);
        /** Set by the test once every writer is idle: the head every stream must reach. */
        final java.util.concurrent.atomic.AtomicLong finalHead = new java.util.concurrent.atomic.AtomicLong(-1);
        volatile long welcomedAt = -1;
        int written;

        Writer(String name, String token, String room, Balancer balancer, HistoryChecker history, AtomicBoolean stop, List<String> failures) {
            this.name = name;
            this.token = token;
            this.room = room;
            this.balancer = balancer;
            this.history = history;
            this.stop = stop;
            this.failures = failures;
        }

        @Override
        public void run() {
            try {
                WebSocket socket = connect(null);
                String pending = null;
                while (!stop.get() || pending != null || finalHead.get() < 0 || history.lastSeen(name) < finalHead.get()) {
                    if (pending == null && stop.get()) {
                        idle.countDown();
                    }
                    if (pending == null && !stop.get()) {
                        pending = name + "-" + (++written);
                        history.sent(pending);
                        send(socket, pending);
                    }
                    Object frame = inbox.poll(pending == null && stop.get() ? 100 : 60_000, TimeUnit.MILLISECONDS);
                    if (frame == null && pending == null && stop.get()) {
                        continue; // waiting for the final head
                    }
                    if (frame == null) {
                        failures.add(name + ": nothing for 60 s");
                        return;
                    }
                    if (frame instanceof Closed closed) {
                        closes.add(closed);
                        // As the web client does: back at a random moment of the window the reason names.
                        sleep(ThreadLocalRandom.current().nextLong(2_000));
                        socket = connect(history.lastSeen(name));
                        if (pending != null) {
                            send(socket, pending);
                        }
                        continue;
                    }
                    JsonNode json = (JsonNode) frame;
                    switch (json.path("type").asText()) {
                        case "event" -> history.received(name, json);
                        case "result" -> {
                            if ("unavailable".equals(json.path("error").path("code").asText())) {
                                continue; // the node is about to close this socket: sent again after reconnecting
                            }
                            if (!json.path("ok").asBoolean()) {
                                failures.add(name + ": refused " + json);
                            }
                            history.result(json);
                            if (json.path("commandId").asText().equals(pending)) {
                                pending = null;
                            }
                        }
                        default -> failures.add(name + ": unexpected " + json);
                    }
                }
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
            } catch (Exception | AssertionError e) {
                java.io.StringWriter trace = new java.io.StringWriter();
                e.printStackTrace(new java.io.PrintWriter(trace));
                failures.add(name + ": " + trace);
            }
        }

        /** Connects through the balancer (resuming after {@code since}) and reads the welcome. */
        private WebSocket connect(Long since) throws Exception {
            while (true) {
                AppProcess node = balancer.pick();
                try {
                    WebSocket socket = HTTP.newWebSocketBuilder().header("Authorization", "Bearer " + token).connectTimeout(Duration.ofSeconds(10))
                            .buildAsync(node.roomSocket(room, since == null ? null : "since=" + since), listener()).join();
                    JsonNode welcome = (JsonNode) inbox.take();
                    assertEquals("welcome", welcome.path("type").asText(), name + ": " + welcome);
                    if (since == null) {
                        welcomedAt = welcome.path("seq").asLong();
                        history.connected(name, welcomedAt, false);
                    } else {
                        history.connected(name, since, true);
                        System.out.printf("RollingRestartIT: %s resumed after %d on %s, welcome at %d%n", name, since, node.baseUrl(),
                                welcome.path("seq").asLong());
                    }
                    return socket;
                } catch (CompletionException e) {
                    // The balancer's view was a moment old (the node began draining): it says 503, try again.
                    if (!(e.getCause() instanceof WebSocketHandshakeException handshake) || handshake.getResponse().statusCode() != 503) {
                        if (!(e.getCause() instanceof IOException)) {
                            throw e;
                        }
                    }
                    sleep(100);
                }
            }
        }

        private void send(WebSocket socket, String commandId) throws Exception {
            try {
                socket.sendText(JSON.writeValueAsString(Map.of("type", "command", "commandId", commandId, "name", "note.add",
                        "data", Map.of("text", "note " + commandId))), true).join();
            } catch (CompletionException e) {
                if (!(e.getCause() instanceof IOException)) {
                    throw e;
                }
                // The server had closed this socket (its close is waiting in the inbox, not yet read): the command is
                // still pending and goes out again on the next connection, as the web client's would.
            }
        }

        private WebSocket.Listener listener() {
            return new WebSocket.Listener() {
                private final StringBuilder partial = new StringBuilder();

                @Override
                public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                    partial.append(data);
                    if (last) {
                        try {
                            inbox.add(JSON.readTree(partial.toString()));
                        } catch (IOException e) {
                            failures.add(name + ": not JSON");
                        }
                        partial.setLength(0);
                    }
                    webSocket.request(1);
                    return null;
                }

                @Override
                public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                    inbox.add(new Closed(statusCode, reason));
                    return null;
                }

                @Override
                public void onError(WebSocket webSocket, Throwable error) {
                    inbox.add(new Closed(1006, String.valueOf(error)));
                }
            };
        }
    }

    @Test
    void aRollingRestartUnderLoad_losesNothing_andNoRequestFails() throws Exception {
        AppProcess.emptyDatabase();
        try (AppProcess a = new AppProcess(SETTINGS); AppProcess b = new AppProcess(SETTINGS)) {
            a.start();
            b.start();
            String admin = a.login("admin", AppProcess.ADMIN_PASSWORD);
            List<String> tokens = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < USERS; i++) {
                ids.add(a.as(admin).body(Map.of("username", "r" + i, "displayName", "R " + i, "password", "rolling-password-" + i))
                        .post("/api/users").then().statusCode(201).extract().path("id"));
                tokens.add(b.login("r" + i, "rolling-password-" + i));
            }
            String room = a.as(tokens.get(0)).body(Map.of("kind", "INCIDENT", "title", "Rolling restart", "severity", "SEV1"))
                    .post("/api/rooms").then().statusCode(201).extract().path("id");
            for (int i = 1; i < USERS; i++) {
                a.as(tokens.get(0)).body(Map.of("userId", ids.get(i), "roles", List.of("scribe"))).post("/api/rooms/" + room + "/members").then()
                        .statusCode(201);
            }

            HistoryChecker history = new HistoryChecker();
            AtomicBoolean stop = new AtomicBoolean();
            List<String> failures = new CopyOnWriteArrayList<>();
            List<Writer> writers = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            List<Long> restDurations = new CopyOnWriteArrayList<>();
            try (Balancer balancer = new Balancer(List.of(a, b))) {
                for (int i = 0; i < USERS * SOCKETS_PER_USER; i++) {
                    Writer writer = new Writer("w" + i, tokens.get(i % USERS), room, balancer, history, stop, failures);
                    writers.add(writer);
                    threads.add(new Thread(writer, writer.name));
                }
                AtomicInteger restWritten = new AtomicInteger();
                threads.add(new Thread(() -> postNotes(balancer, tokens.get(0), room, history, stop, failures, restWritten, restDurations), "rest"));
                threads.forEach(Thread::start);
                sleep(2_000);

                for (AppProcess node : List.of(a, b)) {
                    CompletableFuture<List<Integer>> duringDrain = CompletableFuture.supplyAsync(() -> watchDrain(node, tokens.get(1), room));
                    Duration drained = node.terminate();
                    System.out.printf("RollingRestartIT: %s drained and stopped in %d ms%n", node.baseUrl(), drained.toMillis());
                    List<Integer> seen = duringDrain.join();
                    assertEquals(List.of(503, 503), seen.subList(0, 2), "readiness DOWN and new sockets refused at once: " + seen);
                    String log = node.log();
                    assertTrue(log.contains("sockets closed with 1001"), log);
                    // The drain itself logs no failure (a loaded machine's blocked-thread warnings before it are not its own).
                    String drain = log.substring(log.lastIndexOf("draining:"), log.lastIndexOf("drained in"));
                    assertFalse(drain.contains("Exception") || drain.contains(" ERROR "), "a drain logs no failure:\n" + drain);
                    node.start();
                    sleep(2_000);
                }
                stop.set(true);
                for (Writer writer : writers) {
                    assertTrue(writer.idle.await(120, TimeUnit.SECONDS), () -> writer.name + " got its last result; closes " + writer.closes
                            + "; failures " + failures);
                }
                threads.get(threads.size() - 1).join(120_000); // the REST writer
                long finalHead = a.as(tokens.get(0)).get("/api/rooms/" + room).then().statusCode(200).extract().<Number> path("seq").longValue();
                writers.forEach(w -> w.finalHead.set(finalHead));
                for (Thread thread : threads) {
                    thread.join(120_000);
                }
            }
            assertEquals(List.of(), failures);
            for (Writer writer : writers) {
                assertTrue(writer.closes.stream().allMatch(c -> c.code() == 1001 && c.reason().contains("within 2 s")),
                        writer.name + " was closed only with 1001 and a reconnect window: " + writer.closes);
            }
            assertTrue(writers.stream().mapToInt(w -> w.closes.size()).sum() >= USERS * SOCKETS_PER_USER,
                    "every socket was moved at least once");

            long head = a.as(tokens.get(0)).get("/api/rooms/" + room).then().statusCode(200).extract().<Number> path("seq").longValue();
            Map<String, Long> startedAfter = new HashMap<>();
            for (Writer writer : writers) {
                startedAfter.put(writer.name, writer.welcomedAt);
            }
            List<Map<String, Object>> log = new ArrayList<>();
            long after = 0;
            while (true) {
                Response page = a.as(tokens.get(0)).get("/api/rooms/" + room + "/events?limit=1000&since=" + after);
                List<Map<String, Object>> events = page.then().statusCode(200).extract().jsonPath().getList("events");
                log.addAll(events);
                if (events.isEmpty() || log.size() >= head) {
                    break;
                }
                after = ((Number) events.get(events.size() - 1).get("seq")).longValue();
            }
            history.check(log, startedAfter);
            System.out.printf("RollingRestartIT: %d events, %d socket moves, REST p50 %d ms, max %d ms%n", head,
                    writers.stream().mapToInt(w -> w.closes.size()).sum(), percentile(restDurations, 50), percentile(restDurations, 100));
        }
    }

    /** Right after SIGTERM: readiness and a new socket's upgrade, as the balancer's probe and a client see them. */
    private static List<Integer> watchDrain(AppProcess node, String token, String room) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            int ready = readiness(node);
            if (ready == 503) {
                return List.of(ready, upgradeStatus(node, token, room));
            }
            sleep(20);
        }
        return List.of(-1, -1);
    }

    private static int upgradeStatus(AppProcess node, String token, String room) {
        try {
            WebSocket socket = HTTP.newWebSocketBuilder().header("Authorization", "Bearer " + token).buildAsync(node.roomSocket(room, null),
                    new WebSocket.Listener() {
                    }).join();
            socket.abort();
            return 101;
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException handshake) {
                assertEquals("1", handshake.getResponse().headers().firstValue("Retry-After").orElse(null));
                return handshake.getResponse().statusCode();
            }
            return -1;
        }
    }

    private static void postNotes(Balancer balancer, String token, String room, HistoryChecker history, AtomicBoolean stop,
            List<String> failures, AtomicInteger written, List<Long> durations) {
        while (!stop.get()) {
            String id = "rest-" + written.incrementAndGet();
            history.sent(id);
            AppProcess node = balancer.pick();
            long start = System.nanoTime();
            try {
                Response response = node.as(token).body(Map.of("commandId", id, "name", "note.add", "data", Map.of("text", "over REST " + id)))
                        .post("/api/rooms/" + room + "/commands");
                // A node in the last step of its drain took nothing and says so (503 unavailable): the balancer hands
                // the request to another node, as deploy/nginx.conf does (proxy_next_upstream http_503 non_idempotent).
                for (int retry = 0; retry < 3 && response.statusCode() == 503
                        && "unavailable".equals(response.jsonPath().getString("error.code")); retry++) {
                    node = balancer.pick();
                    response = node.as(token).body(Map.of("commandId", id, "name", "note.add", "data", Map.of("text", "over REST " + id)))
                            .post("/api/rooms/" + room + "/commands");
                }
                durations.add(Duration.ofNanos(System.nanoTime() - start).toMillis());
                if (response.statusCode() != 200) {
                    failures.add("REST " + id + " on " + node.baseUrl() + ": " + response.statusCode() + " " + response.asString());
                    continue;
                }
                history.result(response.jsonPath().<String, Object> getMap(""));
            } catch (RuntimeException e) {
                failures.add("REST " + id + " on " + node.baseUrl() + ": " + e);
            }
        }
    }

    private static int percentile(List<Long> values, int percent) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? 0 : sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * percent / 100.0) - 1)).intValue();
    }

    private static int readiness(AppProcess node) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
