package io.sitroom.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.sitroom.testing.AppProcess;

/**
 * A node with 2,000 clients in one room is killed (SIGKILL) mid-incident and started again: every
 * client reconnects at once with {@code since=} its last seq, the server absorbs the stampede, and
 * every client ends with every event of the room exactly once, in order, with no gap.
 */
class ReconnectStormIT {

    private static final int USERS = 100;
    private static final int SOCKETS_PER_USER = 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CATCH_UP = Duration.ofSeconds(120);

    /** One room connection that follows the stream, and reconnects with {@code since} when it drops. */
    private static final class Follower implements WebSocket.Listener {
        final HttpClient http;
        final String baseUri;
        final String token;
        final List<Long> seqs = new ArrayList<>();
        volatile long last = -1;
        volatile boolean open;
        /** Welcomes received: a connection counts as back only once the server has welcomed it. */
        final AtomicInteger welcomes = new AtomicInteger();
        final AtomicInteger refusals = new AtomicInteger();
        private final StringBuilder partial = new StringBuilder();

        Follower(HttpClient http, String baseUri, String token) {
            this.http = http;
            this.baseUri = baseUri;
            this.token = token;
        }

        CompletableFuture<WebSocket> connect() {
            String query = last < 0 ? "" : "?since=" + last;
            return http.newWebSocketBuilder().header("Authorization", "Bearer " + token).connectTimeout(Duration.ofSeconds(30))
                    .buildAsync(URI.create(baseUri + query), this)
                    .whenComplete((ws, failure) -> open = failure == null);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean lastPart) {
            partial.append(data);
            if (lastPart) {
                try {
                    JsonNode frame = JSON.readTree(partial.toString());
                    String type = frame.path("type").asText();
                    if ("welcome".equals(type)) {
                        welcomes.incrementAndGet();
                        if (last < 0) {
                            last = frame.path("seq").asLong();
                        }
                    } else if ("event".equals(type)) {
                        synchronized (seqs) {
                            seqs.add(frame.path("seq").asLong());
                        }
                        last = frame.path("seq").asLong();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            open = false;
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            open = false;
        }
    }

    @Test
    void twoThousandClientsReconnectAtOnceAfterAKill_andEachEndsWithEveryEventOnceInOrder() throws Exception {
        AppProcess.emptyDatabase();
        try (AppProcess app = new AppProcess(Map.of("SITROOM_SECURITY_BCRYPT_COST", "4"))) {
            app.start();
            String admin = app.login("admin", AppProcess.ADMIN_PASSWORD);
            List<String> tokens = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < USERS; i++) {
                ids.add(app.as(admin).body(Map.of("username", "u" + i, "displayName", "User " + i, "password", "storm-password-" + i))
                        .post("/api/users").then().statusCode(201).extract().path("id"));
                tokens.add(app.login("u" + i, "storm-password-" + i));
            }
            String room = app.as(tokens.get(0)).body(Map.of("kind", "INCIDENT", "title", "Storm", "severity", "SEV1"))
                    .post("/api/rooms").then().statusCode(201).extract().path("id");
            for (int i = 1; i < USERS; i++) {
                app.as(tokens.get(0)).body(Map.of("userId", ids.get(i), "roles", List.of())).post("/api/rooms/" + room + "/members")
                        .then().statusCode(201);
            }

            HttpClient http = HttpClient.newHttpClient();
            String uri = app.baseUrl().replace("http:", "ws:") + "/ws/rooms/" + room;
            List<Follower> followers = new ArrayList<>();
            for (int i = 0; i < USERS * SOCKETS_PER_USER; i++) {
                followers.add(new Follower(http, uri, tokens.get(i % USERS)));
            }
            Semaphore connecting = new Semaphore(100);
            List<CompletableFuture<WebSocket>> first = new ArrayList<>();
            for (Follower follower : followers) {
                connecting.acquire();
                first.add(follower.connect().whenComplete((ws, e) -> connecting.release()));
            }
            CompletableFuture.allOf(first.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
            Map<Follower, Long> startedAfter = new ConcurrentHashMap<>();
            awaitWelcomes(followers, startedAfter);

            writeNotes(app, tokens.get(0), room, "before", 30);
            awaitAllAt(followers, headSeq(app, tokens.get(0), room), Duration.ofSeconds(60));

            app.kill();
            // Every client notices at once and keeps trying until the node is back: a stampede.
            long deadline = System.nanoTime() + CATCH_UP.toNanos() * 2;
            List<Integer> badStatuses = java.util.Collections.synchronizedList(new ArrayList<>());
            List<CompletableFuture<Void>> reconnects = followers.stream().map(f -> reconnect(f, deadline, badStatuses)).toList();
            app.start();
            long back = System.nanoTime();
            CompletableFuture.allOf(reconnects.toArray(CompletableFuture[]::new)).get(CATCH_UP.toSeconds(), TimeUnit.SECONDS);
            Duration reconnected = Duration.ofNanos(System.nanoTime() - back);

            writeNotes(app, tokens.get(0), room, "after", 30);
            long head = headSeq(app, tokens.get(0), room);
            awaitAllAt(followers, head, CATCH_UP);
            Duration caughtUp = Duration.ofNanos(System.nanoTime() - back);
            System.out.printf("reconnect storm: %d clients reconnected %s after the node was ready, all at head %d after %s; "
                    + "%d upgrade attempts refused meanwhile%n", followers.size(), reconnected, head, caughtUp,
                    followers.stream().mapToInt(f -> f.refusals.get()).sum());

            for (Follower follower : followers) {
                List<Long> expected = new ArrayList<>();
                for (long s = startedAfter.get(follower) + 1; s <= head; s++) {
                    expected.add(s);
                }
                synchronized (follower.seqs) {
                    assertEquals(expected, follower.seqs, "every event once, in order, across the restart");
                }
            }
            assertEquals(List.of(), badStatuses, "no upgrade failed with a server error");
        }
    }

    /**
     * Waits (without a thread) until the client noticed the drop, then tries until it is back in: welcomed
     * again. A connection the server closes before its welcome (1013, "reconnect shortly", when it is busy
     * welcoming the others) is tried again, as the web client does.
     */
    private static CompletableFuture<Void> reconnect(Follower follower, long deadline, List<Integer> badStatuses) {
        if (System.nanoTime() > deadline) {
            return CompletableFuture.failedFuture(new AssertionError("a client could not reconnect within " + CATCH_UP));
        }
        if (follower.open) {
            return later(50).thenCompose(x -> reconnect(follower, deadline, badStatuses));
        }
        int welcomedBefore = follower.welcomes.get();
        return follower.connect().handle((ws, failure) -> {
            if (failure == null) {
                return welcomed(follower, welcomedBefore, deadline, badStatuses);
            }
            if (failure.getCause() instanceof WebSocketHandshakeException handshake) {
                follower.refusals.incrementAndGet();
                int status = handshake.getResponse().statusCode();
                if (status >= 500 && status != 503) {
                    badStatuses.add(status);
                }
            }
            return later(100).thenCompose(x -> reconnect(follower, deadline, badStatuses));
        }).thenCompose(next -> next);
    }

    private static CompletableFuture<Void> welcomed(Follower follower, int welcomedBefore, long deadline, List<Integer> badStatuses) {
        if (follower.welcomes.get() > welcomedBefore) {
            return CompletableFuture.completedFuture(null);
        }
        if (!follower.open) {
            return later(100).thenCompose(x -> reconnect(follower, deadline, badStatuses));
        }
        return later(20).thenCompose(x -> welcomed(follower, welcomedBefore, deadline, badStatuses));
    }

    private static CompletableFuture<Void> later(long millis) {
        return CompletableFuture.runAsync(() -> {
        }, CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS));
    }

    private static void awaitWelcomes(List<Follower> followers, Map<Follower, Long> startedAfter) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (Follower follower : followers) {
            while (follower.last < 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(follower.last >= 0, "every client was welcomed");
            startedAfter.put(follower, follower.last);
        }
    }

    private static void awaitAllAt(List<Follower> followers, long head, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Follower follower : followers) {
            while (follower.last < head && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(head, follower.last, "every client reached the head");
        }
    }

    private static void writeNotes(AppProcess app, String token, String room, String label, int count) {
        for (int i = 0; i < count; i++) {
            app.as(token).body(Map.of("commandId", label + "-" + i, "name", "note.add", "data", Map.of("text", label + " " + i)))
                    .post("/api/rooms/" + room + "/commands").then().statusCode(200);
        }
    }

    private static long headSeq(AppProcess app, String token, String room) {
        return app.as(token).get("/api/rooms/" + room).then().statusCode(200).extract().<Number> path("seq").longValue();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }


}
