package io.sitroom.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.sitroom.clock.MutableClock;
import io.sitroom.limits.LimitsConfig;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;
import io.sitroom.testing.WsClient;

/** Sockets whose peer stopped answering pings are closed and free their place; frames over the limit close with 1009. */
@QuarkusTest
class DeadPeersTest {

    @Inject
    MutableClock clock;

    @Inject
    DeadPeers deadPeers;

    @Inject
    LimitsConfig limits;

    private Duration deadAfter() {
        return limits.pingInterval().multipliedBy(limits.missedPings()).plusSeconds(1);
    }

    @Test
    void socketsThatAnswerNoPings_areClosed_andFreeTheirUsersPlaces() {
        User user = Api.newUser("Dora");
        UUID room = Api.newIncident(user, "Frozen tabs");
        List<WsClient> frozen = new ArrayList<>();
        try {
            for (int i = 0; i < limits.connectionsPerUser(); i++) {
                WsClient tab = WsClient.connect(user, room, null);
                tab.next("welcome");
                tab.pauseReading(); // a frozen tab: reads nothing, answers no ping
                frozen.add(tab);
            }
            // The upgrade rate (a burst of 20, then one a second by the clock) must not be what refuses the next one.
            clock.advance(Duration.ofSeconds(2));
            try (WsClient oneMore = WsClient.connect(user, room, null)) {
                assertEquals("rate_limited", oneMore.next("error").path("error").path("code").asText(), "every place is taken");
            }
            deadPeers.sweep(); // pings nobody answers
            clock.advance(deadAfter());
            try {
                deadPeers.sweep();
                try (WsClient again = WsClient.connect(user, room, null)) {
                    assertEquals(room.toString(), again.next("welcome").path("roomId").asText(), "a place was freed");
                }
            } finally {
                clock.advance(deadAfter().negated());
            }
        } finally {
            frozen.forEach(WsClient::close);
            clock.advance(Duration.ofSeconds(-2));
        }
    }

    @Test
    void aSocketHeardFromWithinTheMissedPings_staysOpen() {
        User user = Api.newUser("Lino");
        UUID room = Api.newIncident(user, "Alive");
        Duration interval = limits.pingInterval();
        try (WsClient live = WsClient.connect(user, room, null)) {
            live.next("welcome");
            clock.advance(interval.multipliedBy(2));
            try {
                live.send(Map.of("type", "ping"));
                live.next("pong"); // heard at 2 intervals
                clock.advance(interval.multipliedBy(2));
                deadPeers.sweep(); // 4 intervals after opening, 2 after it was last heard
                live.send(Map.of("type", "ping"));
                assertEquals("pong", live.next("pong").path("type").asText());
                assertFalse(live.isClosed());
            } finally {
                clock.advance(interval.multipliedBy(-4));
            }
        }
    }

    @Test
    void aMessageOverOneMebibyte_closesTheSocketWith1009_whetherInOneFrameOrSeveral() {
        User user = Api.newUser("Max");
        UUID room = Api.newIncident(user, "Too large");
        String tooLarge = "x".repeat(1024 * 1024 + 1);
        try (WsClient oneFrame = WsClient.connect(user, room, null)) {
            oneFrame.next("welcome");
            oneFrame.sendRaw(tooLarge);
            assertEquals(1009, oneFrame.awaitClose(WsClient.WAIT));
        }
        try (WsClient continued = WsClient.connect(user, room, null)) {
            continued.next("welcome");
            continued.sendInParts(tooLarge, 4);
            assertEquals(1009, continued.awaitClose(WsClient.WAIT));
        }
    }

    @Test
    void isDead_onlyAfterTheMissedPings() {
        Duration interval = Duration.ofSeconds(30);
        assertFalse(DeadPeers.isDead(0, 90_000, interval, 3));
        assertTrue(DeadPeers.isDead(0, 90_001, interval, 3));
    }
}
