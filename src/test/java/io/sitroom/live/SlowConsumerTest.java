package io.sitroom.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;
import io.sitroom.testing.WsClient;

/**
 * A client that stops reading while others keep writing large notes: the room does not wait for
 * it (the others get every event promptly), it is closed with 4008 once more than
 * {@code max-pending-frames} frames wait for it, and it resumes with {@code since=} the last seq it
 * got, receiving everything after, without gap or duplicate. A small limit keeps this to seconds:
 * the network buffers (megabytes) fill first, then frames wait at the server.
 */
@QuarkusTest
@TestProfile(SlowConsumerTest.SmallPendingLimit.class)
class SlowConsumerTest {

    static final int MAX_PENDING = 50;

    public static class SmallPendingLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sitroom.limits.max-pending-frames", Integer.toString(MAX_PENDING));
        }
    }

    /** A note of 10,000 characters, 30 KB as UTF-8: few of them fill the network buffers. */
    private static final String BIG = "中".repeat(10_000);
    private static final int WRITERS = 3;
    private static final int NOTES_PER_WRITER = 150;

    @Test
    void aClientThatStopsReading_isClosedWith4008_theRoomGoesOn_andItResumesWithoutGapOrDuplicate() throws Exception {
        User ic = Api.newUser("Ines");
        User slowUser = Api.newUser("Sloane");
        UUID room = Api.newIncident(ic, "Slow consumer");
        Api.addMember(ic, room, slowUser, "legal");
        List<User> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            User writer = Api.newUser("Writer " + w);
            Api.addMember(ic, room, writer, "scribe");
            writers.add(writer);
        }
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try (WsClient fast = WsClient.connect(ic, room, null); WsClient slow = WsClient.connect(slowUser, room, null)) {
            long start = fast.next("welcome").path("seq").asLong();
            assertEquals(start, slow.next("welcome").path("seq").asLong());
            slow.pauseReading();

            // The writers post over REST: they are not consumers of the room themselves, so only the
            // two readers compete for what the server writes.
            List<Future<?>> sends = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                User writer = writers.get(w);
                int index = w;
                sends.add(pool.submit(() -> {
                    for (int i = 0; i < NOTES_PER_WRITER; i++) {
                        Api.command(writer, room, "w" + index + "-" + i, "note.add", Map.of("text", BIG)).then().statusCode(200);
                    }
                }));
            }
            for (Future<?> send : sends) {
                send.get();
            }
            long head = start + (long) WRITERS * NOTES_PER_WRITER;
            long committed = System.nanoTime();

            // The room did not wait for the slow client: the fast one has every event, promptly.
            List<JsonNode> seenByFast = fast.eventsUpTo(head);
            long lag = (System.nanoTime() - committed) / 1_000_000;
            assertTrue(lag < 5_000, "the last event reached a reading client " + lag + " ms after the last command was answered");
            assertEquals(seqsFrom(start + 1, head), seqs(seenByFast));

            // The slow client, reading again, finds what was written before it was dropped, then the close.
            slow.resumeReading();
            assertEquals(Subscriber.SLOW_CONSUMER, slow.awaitClose(Duration.ofSeconds(30)), "closed as a slow consumer");
            List<JsonNode> seenBySlow = slow.drain(Duration.ofMillis(200)).stream().filter(f -> f.path("type").asText().equals("event"))
                    .toList();
            assertTrue(slow.closeReason().startsWith("too slow: more than " + MAX_PENDING + " frames waiting"), slow.closeReason());
            long lastSeen = seenBySlow.isEmpty() ? start : seenBySlow.get(seenBySlow.size() - 1).path("seq").asLong();
            assertEquals(seqsFrom(start + 1, lastSeen), seqs(seenBySlow), "what it got, it got in order, without gap");
            assertTrue(lastSeen < head, "it was dropped before the end (last seen " + lastSeen + " of " + head + ")");

            // Resuming replays everything missed at once; with a limit this small a resume far behind can itself
            // overflow and be closed again, after which the client resumes from where it got (as documented).
            List<JsonNode> resumedEvents = new ArrayList<>();
            long from = lastSeen;
            for (int attempt = 0; from < head && attempt < 20; attempt++) {
                try (WsClient resumed = WsClient.connect(slowUser, room, "since=" + from)) {
                    assertEquals(head, resumed.next("welcome").path("seq").asLong());
                    List<JsonNode> got = new ArrayList<>();
                    while (got.isEmpty() || got.get(got.size() - 1).path("seq").asLong() < head) {
                        List<JsonNode> frames = resumed.drain(Duration.ofMillis(500));
                        frames.stream().filter(f -> f.path("type").asText().equals("event")).forEach(got::add);
                        if (frames.isEmpty() && resumed.isClosed()) {
                            assertEquals(Subscriber.SLOW_CONSUMER, resumed.awaitClose(WsClient.WAIT));
                            break;
                        }
                        assertTrue(!frames.isEmpty() || resumed.isClosed() || got.size() > 0, "the resume makes progress");
                    }
                    assertTrue(!got.isEmpty(), "each resume delivers something");
                    resumedEvents.addAll(got);
                    from = got.get(got.size() - 1).path("seq").asLong();
                }
            }
            assertEquals(seqsFrom(lastSeen + 1, head), seqs(resumedEvents), "everything after, once, in order");
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Long> seqs(List<JsonNode> events) {
        return events.stream().map(e -> e.path("seq").asLong()).toList();
    }

    private static List<Long> seqsFrom(long first, long last) {
        List<Long> seqs = new ArrayList<>();
        for (long s = first; s <= last; s++) {
            seqs.add(s);
        }
        return seqs;
    }
}
