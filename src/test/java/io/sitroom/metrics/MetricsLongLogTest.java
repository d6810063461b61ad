package io.sitroom.metrics;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.sitroom.clock.MutableClock;
import io.sitroom.clock.WireTime;
import io.sitroom.comms.Audience;
import io.sitroom.comms.CommsEvent;
import io.sitroom.role.Role;
import io.sitroom.room.Member;
import io.sitroom.room.NewEvent;
import io.sitroom.room.Phase;
import io.sitroom.room.RoomEvent;
import io.sitroom.room.RoomWriter;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;

/**
 * A room whose firsts (executive update, containment, closure) came early and whose log then grew
 * past 20,000 events, more than 10,000 of them of the same kinds: its metrics are still exact.
 */
@QuarkusTest
class MetricsLongLogTest {

    private static final int BATCHES = 10;
    /** Per batch: this many rounds of contain, close and reopen (three phase changes), and as many executive updates and a few more. */
    private static final int ROUNDS = 400;
    private static final int UPDATES = 1_050;

    @Inject
    MutableClock clock;

    @Inject
    RoomWriter writer;

    private Instant began;
    private Instant opened;

    @BeforeEach
    void freezeOnAWholeMillisecond() {
        clock.freeze();
        int nanos = clock.instant().getNano() % 1_000_000;
        if (nanos != 0) {
            clock.advance(Duration.ofNanos(1_000_000 - nanos));
        }
        began = clock.instant();
    }

    @AfterEach
    void rewindAndUnfreeze() {
        // Back to where the test began: the suite's sign-in tokens live 12 hours of this clock.
        clock.advance(Duration.between(clock.instant(), began));
        clock.unfreeze();
    }

    private void at(long seconds) {
        clock.advance(Duration.between(clock.instant(), opened.plusSeconds(seconds)));
    }

    private static List<NewEvent> lateEvents() {
        List<NewEvent> events = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            events.add(NewEvent.forEveryone(new RoomEvent.PhaseChanged(Phase.ANALYSIS, Phase.CONTAINMENT, true)));
            events.add(NewEvent.forEveryone(new RoomEvent.PhaseChanged(Phase.CONTAINMENT, Phase.CLOSED, true)));
            events.add(NewEvent.forEveryone(new RoomEvent.PhaseChanged(Phase.CLOSED, Phase.ANALYSIS, false)));
        }
        for (int i = 0; i < UPDATES; i++) {
            events.add(NewEvent.forEveryone(new CommsEvent.UpdatePosted(Audience.EXECUTIVE, "still on it " + i, "Production stopped",
                    null, null, null, null, null, null, null, null, null, null)));
        }
        return events;
    }

    @Test
    void metrics_areExact_forARoomOfMoreThanTwentyThousandEvents_whoseFirstsCameEarly() {
        User ic = Api.newUser("Ines");
        opened = clock.instant();
        UUID room = Api.newIncident(ic, "A long incident");
        at(5);
        Api.accepted(ic, room, "update.post",
                Map.of("audience", "executive", "summary", "First word to the board", "impact", "Production stopped"));
        at(10);
        Api.accepted(ic, room, "room.phase", Map.of("phase", "containment"));
        at(20);
        Api.accepted(ic, room, "room.phase", Map.of("phase", "closed"));
        at(30);
        Api.accepted(ic, room, "room.phase", Map.of("phase", "analysis"));

        // Appended through the unit of work (projected like any command's events), a few thousand to a transaction.
        Member ines = new Member(ic.id(), "Ines", Set.of(Role.INCIDENT_COMMANDER));
        for (int batch = 1; batch <= BATCHES; batch++) {
            at(batch * 60L);
            writer.run(room, locked -> locked.append(ines, null, lateEvents()));
        }
        long head = Api.headSeq(ic, room);
        assertTrue(head > 20_000, "events: " + head);

        at(BATCHES * 60L + 60);
        ic.as().get("/api/metrics?roomId=" + room).then().statusCode(200)
                .body("phase", equalTo("analysis"))
                .body("timeToFirstExecutiveUpdateSeconds", equalTo(5))
                .body("timeToContainmentSeconds", equalTo(10))
                .body("closedAt", equalTo(WireTime.format(opened.plusSeconds(20))));
        ic.as().get("/api/metrics").then().statusCode(200)
                .body("rooms.find { it.roomId == '" + room + "' }.timeToContainmentSeconds", equalTo(10));
    }
}
