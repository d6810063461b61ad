package io.sitroom.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.sitroom.room.Phase;
import io.sitroom.room.RoomKind;
import io.sitroom.room.RoomSnapshot;
import io.sitroom.room.Severity;

class EncodedSnapshotsTest {

    private static RoomSnapshot snapshot(long seq) {
        return new RoomSnapshot(UUID.randomUUID(), RoomKind.INCIDENT, "Outage", Severity.SEV2, Phase.DETECTION,
                "2026-12-03T10:00:00Z", UUID.randomUUID(), seq, "h" + seq, List.of(), List.of(), List.of(), List.of(), Map.of());
    }

    @Test
    void theSameSnapshot_isEncodedOnce_forEveryConnectionHandedIt() {
        EncodedSnapshots encoded = new EncodedSnapshots();
        AtomicInteger encodings = new AtomicInteger();
        RoomSnapshot shared = snapshot(7);
        for (int i = 0; i < 100; i++) {
            assertEquals("room 7", encoded.of(shared, s -> {
                encodings.incrementAndGet();
                return "room " + s.seq();
            }));
        }
        assertEquals(1, encodings.get());
    }

    @Test
    void anotherSnapshot_evenAnEqualOne_isEncodedForItself() {
        EncodedSnapshots encoded = new EncodedSnapshots();
        RoomSnapshot first = snapshot(1);
        RoomSnapshot next = snapshot(2);
        assertEquals("1", encoded.of(first, s -> String.valueOf(s.seq())));
        assertEquals("2", encoded.of(next, s -> String.valueOf(s.seq())));
        for (int i = 0; i < 3 * EncodedSnapshots.SLOTS; i++) {
            RoomSnapshot other = snapshot(100 + i);
            assertEquals(String.valueOf(100 + i), encoded.of(other, s -> String.valueOf(s.seq())));
        }
        assertEquals("1", encoded.of(first, s -> String.valueOf(s.seq())), "pushed out of its slot: encoded again");
    }
}
