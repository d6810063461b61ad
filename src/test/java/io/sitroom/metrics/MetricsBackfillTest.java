package io.sitroom.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.sitroom.clock.MutableClock;
import io.sitroom.room.Timers;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;

/**
 * The migration's backfill (V8, its INSERT run as written) gives the rooms that existed before the
 * table the rows their events folded to, except where it says it cannot (the phase moments).
 */
@QuarkusTest
class MetricsBackfillTest {

    @Inject
    MutableClock clock;

    @Inject
    Timers timers;

    private Instant began;

    @BeforeEach
    void freeze() {
        clock.freeze();
        began = clock.instant();
    }

    @AfterEach
    void rewindAndUnfreeze() {
        // Back to where the test began: the suite's sign-in tokens live 12 hours of this clock.
        clock.advance(Duration.between(clock.instant(), began));
        clock.unfreeze();
    }

    private static String backfill() throws IOException {
        try (InputStream in = MetricsBackfillTest.class.getResourceAsStream("/db/migration/V8__create_room_metrics.sql")) {
            String migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String insert = migration.substring(migration.indexOf("INSERT INTO room_metrics"));
            return insert.substring(0, insert.lastIndexOf(';'));
        }
    }

    /** The room's row as its events kept it, and as the backfill makes it once the row is gone. */
    private static MetricsTally[] keptAndBackfilled(UUID room) throws IOException {
        String insert = backfill();
        MetricsTally kept = QuarkusTransaction.requiringNew().call(() -> {
            MetricsTally tally = RoomMetricsRow.<RoomMetricsRow> findById(room).tally();
            RoomMetricsRow.deleteById(room);
            return tally;
        });
        // V8 ran on rooms whose phases were stored as Java constants (CLOSED); V48 made them the protocol's ids.
        QuarkusTransaction.requiringNew().run(() -> {
            var em = Panache.getEntityManager();
            em.createNativeQuery("UPDATE room SET phase = UPPER(phase) WHERE id = :id").setParameter("id", room).executeUpdate();
            em.createNativeQuery(insert).executeUpdate();
            em.createNativeQuery("UPDATE room SET phase = LOWER(phase) WHERE id = :id").setParameter("id", room).executeUpdate();
        });
        MetricsTally backfilled = QuarkusTransaction.requiringNew().call(() -> RoomMetricsRow.<RoomMetricsRow> findById(room).tally());
        return new MetricsTally[] { kept, backfilled };
    }

    private static String field(User user, UUID room, String kind, int index, String field) {
        return (String) ((Map<?, ?>) Api.events(user, room, kind).get(index).get("data")).get(field);
    }

    @Test
    void backfill_givesTheRowTheEventsKept_forAnIncidentThatChangedPhaseOnce() throws IOException {
        User ic = Api.newUser("Ines");
        User legal = Api.newUser("Lea");
        User exec = Api.newUser("Erin");
        UUID room = Api.newIncident(ic, "Before the metrics table");
        Api.addMember(ic, room, legal, "legal");
        Api.addMember(ic, room, exec, "executive");
        clock.advance(Duration.ofSeconds(3));
        Api.accepted(ic, room, "update.post", Map.of("audience", "all", "summary", "Looking"));
        Api.accepted(ic, room, "update.post", Map.of("audience", "executive", "summary", "Isolated", "impact", "Invoicing down"));
        Api.accepted(ic, room, "ack.request", Map.of("about", 1, "roles", List.of("legal", "executive")));
        Api.accepted(ic, room, "ack.request", Map.of("about", 2, "roles", List.of("legal", "executive")));
        clock.advance(Duration.ofMillis(1_234));
        Api.accepted(legal, room, "ack.give", Map.of("ackId", field(ic, room, "ack.requested", 0, "ackId")));
        Api.accepted(legal, room, "ack.give", Map.of("ackId", field(ic, room, "ack.requested", 1, "ackId")));
        clock.advance(Duration.ofMillis(2_345));
        Api.accepted(exec, room, "ack.give", Map.of("ackId", field(ic, room, "ack.requested", 0, "ackId")));
        for (int i = 0; i < 2; i++) {
            Api.accepted(ic, room, "decision.propose", Map.of("title", "Decision " + i, "choice", "yes", "rationale", "because",
                    "approvers", List.of("legal")));
        }
        clock.advance(Duration.ofMillis(4_321));
        Api.accepted(legal, room, "decision.approve", Map.of("decisionId", field(ic, room, "decision.proposed", 0, "decisionId")));
        Api.accepted(legal, room, "decision.reject", Map.of("decisionId", field(ic, room, "decision.proposed", 1, "decisionId"),
                "reason", "no"));
        Map<String, Integer> highRisk = Map.of("likelihood", 5, "impact", 5, "exposure", 4, "effort", 1);
        Api.accepted(ic, room, "action.create", Map.of("title", "Done", "ownerId", ic.id().toString(), "risk", highRisk));
        Api.accepted(ic, room, "action.create", Map.of("title", "Reopened", "ownerId", ic.id().toString(), "risk", highRisk));
        Api.accepted(ic, room, "action.create", Map.of("title", "Late and open", "ownerId", ic.id().toString(),
                "dueAt", clock.instant().plusSeconds(1).toString()));
        Api.accepted(ic, room, "action.create", Map.of("title", "Late and done", "ownerId", ic.id().toString(),
                "dueAt", clock.instant().plusSeconds(1).toString()));
        clock.advance(Duration.ofMillis(5_678));
        timers.fireDue();
        timers.fireDue();
        Api.accepted(ic, room, "action.update", Map.of("actionId", field(ic, room, "action.created", 0, "actionId"), "status", "done"));
        Api.accepted(ic, room, "action.update", Map.of("actionId", field(ic, room, "action.created", 1, "actionId"), "status", "done"));
        Api.accepted(ic, room, "action.update", Map.of("actionId", field(ic, room, "action.created", 1, "actionId"), "status", "open"));
        Api.accepted(ic, room, "action.update", Map.of("actionId", field(ic, room, "action.created", 3, "actionId"), "status", "done"));
        clock.advance(Duration.ofSeconds(7));
        Api.accepted(ic, room, "room.phase", Map.of("phase", "closed"));

        MetricsTally[] rows = keptAndBackfilled(room);
        assertEquals(rows[0], rows[1]);
        assertEquals(new MetricsTally.Mean(1, 3_579), rows[1].acknowledge(), "the half-answered request is not counted");
        assertEquals(1, rows[1].overdueActions());
        assertEquals(1, rows[1].highRiskClose().count());
        assertNotEquals(null, rows[1].containedAt(), "closed by its one phase change: contained then too");
    }

    @Test
    void backfill_knowsTheLatestClosureButNotTheContainment_ofARoomThatChangedPhaseMoreThanOnce() throws IOException {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Contained, then closed");
        clock.advance(Duration.ofSeconds(2));
        Api.accepted(ic, room, "room.phase", Map.of("phase", "containment"));
        clock.advance(Duration.ofSeconds(2));
        Api.accepted(ic, room, "room.phase", Map.of("phase", "closed"));

        MetricsTally[] rows = keptAndBackfilled(room);
        assertEquals(rows[0].closedAt(), rows[1].closedAt());
        assertNull(rows[1].containedAt(), "which change reached containment is only in the events' data, which SQL does not read");
        assertEquals(rows[0].withContainedAt(null), rows[1]);
    }

    @Test
    void backfill_givesTheRowTheEventsKept_forAnEndedExercise() throws IOException {
        User facilitator = Api.newUser("Fran Facilitator");
        UUID room = Api.newExercise(facilitator, "test-drill");
        User ic = Api.join(Api.invite(facilitator, room, "incident_commander"), "Ian Player");
        User eng = Api.join(Api.invite(facilitator, room, "participant"), "Ed Player");
        Api.join(Api.invite(facilitator, room, "legal"), "Lee Player");
        Api.accepted(facilitator, room, "exercise.start", Map.of("speed", 1000));
        Api.accepted(ic, room, "role.assign", Map.of("userId", eng.id().toString(), "role", "containment_lead"));
        clock.advance(Duration.ofMinutes(6).dividedBy(1000));
        timers.fireDue();
        Api.accepted(facilitator, room, "exercise.end", Map.of());

        MetricsTally[] rows = keptAndBackfilled(room);
        assertEquals(rows[0], rows[1]);
        assertEquals(1, rows[1].expectationsMet());
        assertEquals(2, rows[1].expectationsTriggered());
    }
}
