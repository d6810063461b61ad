package io.sitroom.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.RestAssured;

/** A real WebSocket client (the JDK's) that queues every frame it receives, for tests. */
public final class WsClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    public static final Duration WAIT = Duration.ofSeconds(10);

    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    /** Frames passed over by a search for another kind of frame, in arrival order, read first by {@link #next()}. */
    private final Deque<JsonNode> skipped = new ArrayDeque<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private volatile String closeReason;
    /** While set, frames are not requested: the client stops reading, as a stalled or slow client does. */
    private volatile boolean paused;
    private WebSocket socket;

    private WsClient() {
    }

    public static URI roomUri(UUID roomId, String query) {
        return roomUri(roomId, "", query);
    }

    public static URI roomUri(UUID roomId, String suffix, String query) {
        return URI.create("ws://localhost:" + RestAssured.port + "/ws/rooms/" + roomId + suffix + (query == null ? "" : "?" + query));
    }

    /** Connects with a bearer token header; {@code query} is e.g. {@code since=5} or null. */
    public static WsClient connect(Api.User user, UUID roomId, String query) {
        return connect(user, roomId, null, "", query);
    }

    /** Connects to an endpoint below the room's, e.g. {@code /replay}. */
    public static WsClient connect(Api.User user, UUID roomId, Void unused, String suffix, String query) {
        WsClient client = new WsClient();
        client.socket = HTTP.newWebSocketBuilder()
                .header("Authorization", "Bearer " + user.token())
                .connectTimeout(WAIT)
                .buildAsync(roomUri(roomId, suffix, query), client.listener())
                .join();
        return client;
    }

    /** Connects to any server's WebSocket URI with a bearer token (e.g. one of several nodes). */
    public static WsClient connect(URI uri, String token) {
        WsClient client = new WsClient();
        client.socket = HTTP.newWebSocketBuilder()
                .header("Authorization", "Bearer " + token)
                .connectTimeout(WAIT)
                .buildAsync(uri, client.listener())
                .join();
        return client;
    }

    /** Tries to connect and returns the HTTP status of the refused upgrade (or 101 if it was accepted). */
    public static int upgradeStatus(URI uri, String token) {
        return upgradeStatus(uri, token, null);
    }

    public static int upgradeStatus(URI uri, String token, String origin) {
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(WAIT);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (origin != null) {
            builder.header("Origin", origin);
        }
        try {
            WebSocket ws = builder.buildAsync(uri, new WebSocket.Listener() {
            }).join();
            ws.abort();
            return 101;
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException h) {
                return h.getResponse().statusCode();
            }
            throw e;
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
                        frames.add(JSON.readTree(partial.toString()));
                    } catch (Exception e) {
                        throw new IllegalStateException("server sent a frame that is not JSON: " + partial, e);
                    }
                    partial.setLength(0);
                }
                if (!paused) {
                    webSocket.request(1);
                }
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closeReason = reason;
                closed.complete(statusCode);
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                closed.completeExceptionally(error);
            }
        };
    }

    public void sendRaw(String text) {
        socket.sendText(text, true).join();
    }

    /** Sends one text message as {@code parts} frames (a continued message). */
    public void sendInParts(String text, int parts) {
        int size = (text.length() + parts - 1) / parts;
        for (int from = 0; from < text.length(); from += size) {
            int to = Math.min(text.length(), from + size);
            socket.sendText(text.substring(from, to), to == text.length()).join();
        }
    }

    public void send(Object frame) {
        try {
            sendRaw(JSON.writeValueAsString(frame));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public void command(String commandId, String name, Object data) {
        send(java.util.Map.of("type", "command", "commandId", commandId, "name", name, "data", data));
    }

    /** The next frame, failing the test if none comes in time. */
    public JsonNode next() {
        if (!skipped.isEmpty()) {
            return skipped.removeFirst();
        }
        return poll();
    }

    private JsonNode poll() {
        try {
            JsonNode frame = frames.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (frame == null) {
                throw new AssertionError("no frame within " + WAIT);
            }
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next frame of a type, skipping others. */
    public JsonNode next(String type) {
        return nextMatching(f -> type.equals(f.path("type").asText()));
    }

    public JsonNode nextMatching(Predicate<JsonNode> match) {
        for (Iterator<JsonNode> it = skipped.iterator(); it.hasNext();) {
            JsonNode frame = it.next();
            if (match.test(frame)) {
                it.remove();
                return frame;
            }
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode frame = poll();
            if (match.test(frame)) {
                return frame;
            }
            skipped.addLast(frame);
        }
        throw new AssertionError("no matching frame within " + WAIT);
    }

    /** Waits longer than usual for a command's result, e.g. at the end of a long pipeline of commands. */
    public JsonNode awaitResult(String commandId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                return result(commandId);
            } catch (AssertionError stillWaiting) {
                // keep waiting until the overall deadline
            }
        }
        throw new AssertionError("no result for " + commandId + " within " + timeout);
    }

    /** The result frame for a command id (skipping events and other frames). */
    public JsonNode result(String commandId) {
        return nextMatching(f -> "result".equals(f.path("type").asText()) && commandId.equals(f.path("commandId").asText()));
    }

    /** Collects event frames until one with {@code seq >= upTo} arrived. */
    public List<JsonNode> eventsUpTo(long upTo) {
        List<JsonNode> events = new ArrayList<>();
        long last = -1;
        while (last < upTo) {
            JsonNode frame = next("event");
            events.add(frame);
            last = frame.path("seq").asLong();
        }
        return events;
    }

    /**
     * Collects what a member whose own roles change sees of the stream: event and {@code resync} frames
     * until one with {@code seq >= upTo} arrived. A resync stands for every event up to its seq (it is
     * read at the head, and none at or before it is sent again), so which events come as events
     * depends on when the server read it.
     */
    public List<JsonNode> streamUpTo(long upTo) {
        List<JsonNode> frames = new ArrayList<>();
        long last = -1;
        while (last < upTo) {
            JsonNode frame = nextMatching(f -> f.path("type").asText().equals("event") || f.path("type").asText().equals("resync"));
            frames.add(frame);
            last = frame.path("seq").asLong();
        }
        return frames;
    }

    /** Frames that arrive within a short wait (for asserting that nothing more came). */
    public List<JsonNode> drain(Duration quiet) {
        List<JsonNode> rest = new ArrayList<>(skipped);
        skipped.clear();
        try {
            JsonNode frame;
            while ((frame = frames.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                rest.add(frame);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return rest;
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    /** Stops reading: no more frames are requested, so unread ones pile up in the network and at the server. */
    public void pauseReading() {
        paused = true;
    }

    /** Reads again, as fast as frames come. */
    public void resumeReading() {
        paused = false;
        socket.request(1);
    }

    /** Waits for the server to close the connection and returns the close code. */
    public int awaitClose(Duration timeout) {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the connection was not closed within " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError("the connection failed instead of closing", e.getCause());
        }
    }

    /** The reason the server gave when it closed the connection (null while open). */
    public String closeReason() {
        return closeReason;
    }

    @Override
    public void close() {
        if (socket != null && !socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
        if (socket != null) {
            socket.abort();
        }
    }
}
