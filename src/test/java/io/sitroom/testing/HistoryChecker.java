package io.sitroom.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Records a test's history of one room: every command sent, every result, every event each client
 * received (across reconnects), and checks it against the room's log. Each accepted command must
 * be in the log exactly once (its events from {@code seq} to {@code lastSeq}) and in every
 * client's stream; each client's stream must run in seq order without gap or duplicate from where
 * it connected (or resumed) to the head; a refused command must leave no trace. Assumes every
 * client may see every event of the room.
 */
public final class HistoryChecker {

    /** A command's result: accepted with its seq range, or refused. */
    public record Result(boolean ok, long seq, long lastSeq) {
    }

    private final Set<String> sent = ConcurrentHashMap.newKeySet();
    private final Map<String, Result> results = new ConcurrentHashMap<>();
    private final Map<String, List<Long>> streams = new ConcurrentHashMap<>();
    private final Map<String, Long> lastSeen = new ConcurrentHashMap<>();
    private final Map<Long, String> commandOfSeq = new ConcurrentHashMap<>();

    public void sent(String commandId) {
        sent.add(commandId);
    }

    /** A result frame of the WebSocket, or the body of a REST command result (same shape). */
    public void result(JsonNode result) {
        record(result.path("commandId").asText(), result.path("ok").asBoolean(), result.path("seq").asLong(-1),
                result.path("lastSeq").asLong(result.path("seq").asLong(-1)));
    }

    public void result(Map<String, ?> result) {
        long seq = result.get("seq") == null ? -1 : ((Number) result.get("seq")).longValue();
        long last = result.get("lastSeq") == null ? seq : ((Number) result.get("lastSeq")).longValue();
        record((String) result.get("commandId"), Boolean.TRUE.equals(result.get("ok")), seq, last);
    }

    private void record(String commandId, boolean ok, long seq, long lastSeq) {
        Result earlier = results.putIfAbsent(commandId, new Result(ok, seq, lastSeq));
        if (earlier != null && earlier.ok() && !earlier.equals(new Result(ok, seq, lastSeq))) {
            fail("command " + commandId + " was answered twice, differently: " + earlier + " then " + new Result(ok, seq, lastSeq));
        }
    }

    /**
     * A client (re)connected: its stream goes on after {@code from} (the welcome's seq on a fresh
     * connection, the {@code since} it asked for on a resume). A resume must start where the client
     * had got to.
     */
    public void connected(String client, long from, boolean resume) {
        if (resume) {
            assertEquals(lastSeen.get(client), from, client + " resumes from the last seq it received");
        } else {
            streams.put(client, new ArrayList<>());
            lastSeen.put(client, from);
        }
    }

    public synchronized void received(String client, JsonNode event) {
        long seq = event.path("seq").asLong();
        streams.get(client).add(seq);
        lastSeen.put(client, seq);
        if (event.hasNonNull("commandId")) {
            commandOfSeq.putIfAbsent(seq, event.path("commandId").asText());
        }
    }

    public long lastSeen(String client) {
        return lastSeen.get(client);
    }

    /**
     * Checks the history against the room's whole log (the event list of GET
     * /api/rooms/{id}/events, oldest first) and the seq each client's stream started after.
     */
    public void check(List<Map<String, Object>> log, Map<String, Long> startedAfter) {
        List<Long> seqs = log.stream().map(e -> ((Number) e.get("seq")).longValue()).toList();
        for (int i = 0; i < seqs.size(); i++) {
            assertEquals(i + 1L, seqs.get(i), "the log runs 1..head without gaps");
        }
        long head = seqs.size();
        Map<String, List<Long>> logByCommand = new LinkedHashMap<>();
        for (Map<String, Object> event : log) {
            if (event.get("commandId") != null) {
                logByCommand.computeIfAbsent((String) event.get("commandId"), id -> new ArrayList<>())
                        .add(((Number) event.get("seq")).longValue());
            }
        }
        for (String commandId : sent) {
            Result result = results.get(commandId);
            assertTrue(result != null, "command " + commandId + " got a result");
            List<Long> inLog = logByCommand.getOrDefault(commandId, List.of());
            if (result.ok()) {
                List<Long> expected = new ArrayList<>();
                for (long s = result.seq(); s <= result.lastSeq(); s++) {
                    expected.add(s);
                }
                assertEquals(expected, inLog, "accepted command " + commandId + " is in the log exactly once, at its seqs");
            } else {
                assertEquals(List.of(), inLog, "refused command " + commandId + " left no trace");
            }
        }
        streams.forEach((client, stream) -> {
            long from = Objects.requireNonNull(startedAfter.get(client), client);
            List<Long> expected = new ArrayList<>();
            for (long s = from + 1; s <= head; s++) {
                expected.add(s);
            }
            assertEquals(expected, stream, client + " received every event after seq " + from + " once, in order");
        });
        commandOfSeq.forEach((seq, commandId) -> assertEquals(commandId, log.get((int) (seq - 1)).get("commandId"),
                "the event clients received at seq " + seq + " is the logged one"));
    }
}
