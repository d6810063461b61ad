package io.sitroom.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Where a room's stream on this node starts, as two welcomes read side by side see it (RollingRestartIT found the gap). */
class RoomChannelTest {

    @Test
    void theFirstWelcomeStartsTheStream_andALaterOneWithAnOlderHeadLearnsItStandsFurther() {
        RoomChannel channel = new RoomChannel(UUID.randomUUID());
        assertEquals(5292, channel.startAt(5292), "the first head read starts the stream");
        // A welcome read a moment earlier (head 5290) reaches startAt second: 5291 and 5292 will never come through
        // the stream, so the caller reads them from the log.
        assertEquals(5292, channel.startAt(5290));
        assertEquals(5292, channel.delivered());
    }

    @Test
    void aWelcomeAheadOfTheStream_keepsItsOwnHead() {
        RoomChannel channel = new RoomChannel(UUID.randomUUID());
        channel.startAt(10);
        assertEquals(10, channel.startAt(12), "events 11 and 12 still come through the stream; the welcome covers them");
    }
}
