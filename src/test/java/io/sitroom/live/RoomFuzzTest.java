package io.sitroom.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;
import io.sitroom.testing.Fuzz;
import io.sitroom.testing.WsClient;

/**
 * The fuzz inputs of {@link FramesFuzzTest} against the running server: thousands of random and
 * mutated frames over real WebSockets, and mutated command envelopes over REST, into one room;
 * most are well-formed commands with mutated data, so that they get past the frame decoder.
 * The senders are observers of a closed room, so that a command that decodes is still refused
 * (conflict or forbidden): every input must be answered with an error, none may change the room.
 * Three connections of three users and a fourth user over REST stay within each connection's and
 * each user's burst, so nearly every case reaches the decoders rather than the rate limiter.
 */
@QuarkusTest
class RoomFuzzTest {

    private static final int SOCKETS = 3;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Set<String> ERROR_FRAME_CODES = Set.of("invalid", "too_large", "rate_limited");
    private static final Set<String> REFUSED_RESULT_CODES = Set.of("invalid", "conflict", "forbidden", "rate_limited");
    private static final Set<Integer> REST_STATUSES = Set.of(400, 403, 409, 413, 429);

    private record Tally(Map<String, Integer> answers, boolean open) {
    }

    @Test
    void thousandsOfMutatedFramesAndCommands_areAnsweredWithErrors_andLeaveTheRoomAndConnectionsIntact() throws Exception {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Fuzzed");
        List<User> fuzzers = new ArrayList<>();
        for (int i = 0; i <= SOCKETS; i++) {
            User fuzzer = Api.newUser("Fuzzer " + i);
            Api.addMember(ic, room, fuzzer, "observer");
            fuzzers.add(fuzzer);
        }
        Api.accepted(ic, room, "note.add", Map.of("text", "before the fuzz"));
        Api.accepted(ic, room, "room.phase", Map.of("phase", "closed"));
        String eventsBefore = ic.as().get("/api/rooms/" + room + "/events?limit=1000").then().statusCode(200).extract().asString();
        String verifyBefore = ic.as().get("/api/rooms/" + room + "/verify").then().statusCode(200).extract().asString();

        int perSocket = Fuzz.cases(2_400) / SOCKETS;
        ExecutorService pool = Executors.newFixedThreadPool(SOCKETS + 1);
        try {
            List<Future<Tally>> sockets = new ArrayList<>();
            for (int s = 0; s < SOCKETS; s++) {
                User fuzzer = fuzzers.get(s);
                int first = s * perSocket;
                sockets.add(pool.submit(() -> fuzzSocket(fuzzer, room, first, perSocket)));
            }
            Future<Map<Integer, Integer>> rest = pool.submit(() -> fuzzRest(fuzzers.get(SOCKETS), room, Fuzz.cases(2_400) / 6));

            Map<String, Integer> answers = new TreeMap<>();
            for (Future<Tally> socket : sockets) {
                Tally tally = socket.get();
                assertTrue(tally.open(), "the connection stayed open and answered a ping");
                tally.answers().forEach((k, v) -> answers.merge(k, v, Integer::sum));
            }
            Map<Integer, Integer> statuses = rest.get();
            System.out.printf("room fuzz (seed %d): socket answers %s, REST statuses %s%n", Fuzz.seed(), answers, statuses);
            int decoded = answers.getOrDefault("result:invalid", 0) + answers.getOrDefault("result:conflict", 0)
                    + answers.getOrDefault("result:forbidden", 0);
            assertTrue(decoded > perSocket * SOCKETS / 3, "most frames reached the command decoders: " + answers);
            assertTrue(answers.getOrDefault("error:rate_limited", 0) + answers.getOrDefault("result:rate_limited", 0) < perSocket * SOCKETS / 10,
                    "few were rate limited: " + answers);
            assertTrue(statuses.getOrDefault(409, 0) > 0 && statuses.getOrDefault(400, 0) > 0, "REST reached the decoders: " + statuses);
        } finally {
            pool.shutdownNow();
        }

        assertEquals(eventsBefore, ic.as().get("/api/rooms/" + room + "/events?limit=1000").then().statusCode(200).extract().asString(),
                "the log is unchanged");
        assertEquals(verifyBefore, ic.as().get("/api/rooms/" + room + "/verify").then().statusCode(200).extract().asString(),
                "the chain verifies as before");
        assertTrue(verifyBefore.contains("\"ok\":true"), verifyBefore);
    }

    /** Mostly well-formed command frames with mutated data (they reach the command decoders), the rest any fuzz frame. */
    private static String input(java.util.Random random) {
        return random.nextInt(10) < 7 ? FramesFuzzTest.mutatedCommand(random, true) : FramesFuzzTest.input(random, true);
    }

    /** Sends {@code count} fuzz frames on one connection and tallies the answers; one answer per frame, never an event. */
    private static Tally fuzzSocket(User fuzzer, UUID room, int first, int count) {
        Map<String, Integer> answers = new TreeMap<>();
        long seed = Fuzz.seed();
        try (WsClient ws = WsClient.connect(fuzzer, room, null)) {
            ws.next("welcome");
            for (int i = first; i < first + count; i++) {
                ws.sendRaw(input(Fuzz.random(seed, i)));
            }
            for (int i = 0; i < count; i++) {
                JsonNode answer;
                try {
                    answer = ws.next();
                } catch (AssertionError silent) {
                    throw new AssertionError("only " + i + " of " + count + " frames were answered (seed " + seed + "): " + answers, silent);
                }
                String type = answer.path("type").asText();
                String code = answer.path("error").path("code").asText();
                switch (type) {
                    case "error" -> assertTrue(ERROR_FRAME_CODES.contains(code), "error frame " + answer);
                    case "result" -> {
                        assertFalse(answer.path("ok").asBoolean(true), "a refused result: " + answer);
                        assertTrue(REFUSED_RESULT_CODES.contains(code), "refusal " + answer);
                    }
                    case "pong" -> code = "";
                    default -> throw new AssertionError("unexpected answer to a fuzz frame (seed " + seed + "): " + answer);
                }
                answers.merge(type + (code.isEmpty() ? "" : ":" + code), 1, Integer::sum);
            }
            ws.send(Map.of("type", "ping"));
            boolean open = ws.next().path("type").asText().equals("pong") && !ws.isClosed();
            assertTrue(ws.drain(Duration.ofMillis(200)).isEmpty(), "nothing more: no event, no extra answer");
            return new Tally(answers, open);
        }
    }

    /**
     * Posts {@code count} mutated command envelopes over REST; every answer is a client error with an
     * error body. (The JDK's client: REST Assured would pretty-print every hostile body it logs.)
     */
    private static Map<Integer, Integer> fuzzRest(User fuzzer, UUID room, int count) throws Exception {
        Map<Integer, Integer> statuses = new TreeMap<>();
        long seed = Fuzz.seed();
        URI uri = URI.create("http://localhost:" + RestAssured.port + "/api/rooms/" + room + "/commands");
        for (int i = 0; i < count; i++) {
            java.util.Random random = Fuzz.random(seed, 1_000_000 + i);
            String frame = input(random);
            // The same inputs as envelopes: REST reads {commandId, name, data} without the frame's type.
            String body = random.nextBoolean() ? frame.replaceFirst("\"type\":\"command\",", "") : frame;
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + fuzzer.token())
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (!REST_STATUSES.contains(response.statusCode()) || !response.body().contains("\"error\":{\"code\":")) {
                throw new AssertionError("REST case " + i + " (seed " + seed + ") answered " + response.statusCode() + " "
                        + Fuzz.abbreviate(response.body()) + "\nbody: " + Fuzz.abbreviate(body));
            }
            statuses.merge(response.statusCode(), 1, Integer::sum);
        }
        return statuses;
    }
}
