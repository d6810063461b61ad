package io.sitroom.metrics;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.sitroom.clock.MutableClock;
import io.sitroom.clock.WireTime;
import io.sitroom.exercise.Exercise;
import io.sitroom.exercise.ExpectationRecord;
import io.sitroom.exercise.PlaybackState;
import io.sitroom.room.Timers;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;
import io.sitroom.testing.StatementCounter;

/** Metrics over REST, exact for what happened in a room, read in one query for any number of rooms. */
@QuarkusTest
class MetricsTest {

    @Inject
    MutableClock clock;

    @Inject
    Timers timers;

    @Inject
    MetricsService metrics;

    private Instant began;
    private Instant opened;

    @BeforeEach
    void freezeOnAWholeMillisecond() {
        clock.freeze();
        // Event times are whole milliseconds; a room opened on one makes every expected duration exact.
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

    /** Moves the clock to {@code seconds} after the room opened. */
    private void at(long seconds) {
        clock.advance(Duration.between(clock.instant(), opened.plusSeconds(seconds)));
    }

    private static String field(User user, UUID room, String kind, String field) {
        return (String) ((Map<?, ?>) Api.events(user, room, kind).get(0).get("data")).get(field);
    }

    @Test
    void roomMetrics_areExact_forWhatHappenedInTheIncident() {
        User ic = Api.newUser("Ines");
        User legal = Api.newUser("Lea");
        User exec = Api.newUser("Erin");
        opened = clock.instant();
        UUID room = Api.newIncident(ic, "Measured incident");
        Api.addMember(ic, room, legal, "legal");
        Api.addMember(ic, room, exec, "executive");
        at(10);
        Api.accepted(ic, room, "update.post", Map.of("audience", "all", "summary", "Investigating"));
        at(30);
        Api.accepted(ic, room, "update.post", Map.of("audience", "executive", "summary", "Plant isolated", "impact", "Production stopped"));
        at(35);
        Api.accepted(ic, room, "update.post", Map.of("audience", "executive", "summary", "Still isolated", "impact", "Production stopped"));
        at(40);
        Api.accepted(ic, room, "ack.request", Map.of("about", 1, "roles", List.of("legal", "executive")));
        String ackId = field(ic, room, "ack.requested", "ackId");
        at(45);
        Api.accepted(legal, room, "ack.give", Map.of("ackId", ackId));
        at(70);
        Api.accepted(exec, room, "ack.give", Map.of("ackId", ackId));
        at(100);
        Api.accepted(ic, room, "decision.propose", Map.of("title", "Accept the risk of the old VPN", "choice", "keep it a week",
                "rationale", "replacement ordered", "approvers", List.of("legal"), "expiresAt", opened.plusSeconds(2_000).toString()));
        at(160);
        Api.accepted(legal, room, "decision.approve", Map.of("decisionId", field(ic, room, "decision.proposed", "decisionId")));
        at(200);
        Api.accepted(ic, room, "action.create", Map.of("title", "Rebuild the historian", "ownerId", ic.id().toString(),
                "risk", Map.of("likelihood", 5, "impact", 5, "exposure", 5, "effort", 1)));
        at(290);
        Api.accepted(ic, room, "action.update", Map.of("actionId", field(ic, room, "action.created", "actionId"), "status", "done"));
        at(300);
        Api.accepted(ic, room, "action.create", Map.of("title", "Preserve logs", "ownerId", ic.id().toString(),
                "dueAt", opened.plusSeconds(310).toString()));
        at(320);
        timers.fireDue();
        at(400);
        Api.accepted(ic, room, "room.phase", Map.of("phase", "containment"));
        at(500);
        Api.accepted(ic, room, "room.phase", Map.of("phase", "closed"));
        at(600);
        Api.accepted(ic, room, "room.phase", Map.of("phase", "analysis"));
        at(1000);

        ic.as().get("/api/metrics?roomId=" + room).then().statusCode(200)
                .body("roomId", equalTo(room.toString()))
                .body("kind", equalTo("INCIDENT"))
                .body("title", equalTo("Measured incident"))
                .body("severity", equalTo("SEV2"))
                .body("phase", equalTo("analysis"))
                .body("openedAt", equalTo(WireTime.format(opened)))
                .body("closedAt", equalTo(WireTime.format(opened.plusSeconds(500))))
                .body("timeToAcknowledgeSeconds", equalTo(30))
                .body("timeToFirstExecutiveUpdateSeconds", equalTo(30))
                .body("timeToContainmentSeconds", equalTo(400))
                .body("decisionLatencySeconds", equalTo(60))
                .body("overdueActions", equalTo(1))
                .body("openExceptions", equalTo(1))
                .body("oldestOpenExceptionAgeSeconds", equalTo(840))
                .body("meanTimeToCloseHighRiskActionsSeconds", equalTo(90))
                .body("$", not(hasKey("exerciseScore")));
        ic.as().get("/api/metrics").then().statusCode(200)
                .body("rooms.size()", equalTo(1))
                .body("rooms[0].timeToContainmentSeconds", equalTo(400))
                .body("totals.openIncidentsBySeverity.SEV2", equalTo(1))
                .body("totals.overdueActions", equalTo(1))
                .body("totals.openExceptions", equalTo(1))
                .body("totals.meanTimeToContainmentSeconds", equalTo(400))
                .body("totals.meanDecisionLatencySeconds", equalTo(60))
                .body("totals.meanTimeToAcknowledgeSeconds", equalTo(30))
                .body("totals.meanTimeToFirstExecutiveUpdateSeconds", equalTo(30))
                .body("totals.exerciseScoresOverTime.size()", equalTo(0));

        at(2_001);
        ic.as().get("/api/metrics?roomId=" + room).then().statusCode(200)
                .body("openExceptions", equalTo(0))
                .body("oldestOpenExceptionAgeSeconds", nullValue());
    }

    @Test
    void roomMetrics_areNotFound_forSomeoneOutsideTheRoom() {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Private incident");
        User stranger = Api.newUser("Stranger");
        stranger.as().get("/api/metrics?roomId=" + room).then().statusCode(404);
        stranger.as().get("/api/metrics").then().statusCode(200).body("rooms.size()", equalTo(0))
                .body("totals.meanTimeToContainmentSeconds", nullValue());
    }

    @Test
    void metricsOfAllMyRooms_takeOneQuery_whateverTheNumberOfRooms() {
        User ic = Api.newUser("Ines");
        User legal = Api.newUser("Lea");
        UUID first = Api.newIncident(ic, "Room 0");
        Api.addMember(ic, first, legal, "legal");
        Api.accepted(ic, first, "decision.propose", Map.of("title", "An exception", "choice", "accept", "rationale", "why not",
                "approvers", List.of("legal"), "expiresAt", clock.instant().plus(Duration.ofDays(1)).toString()));
        Api.accepted(legal, first, "decision.approve", Map.of("decisionId", field(ic, first, "decision.proposed", "decisionId")));

        StatementCounter.Counted<MetricsSummary> one = StatementCounter.count(() -> metrics.forUser(ic.id()));
        assertEquals(1, one.value().rooms().size());
        assertEquals(1, one.value().totals().openExceptions());
        for (int i = 1; i < 12; i++) {
            UUID room = Api.newIncident(ic, "Room " + i);
            Api.accepted(ic, room, "room.phase", Map.of("phase", "containment"));
        }
        StatementCounter.Counted<MetricsSummary> twelve = StatementCounter.count(() -> metrics.forUser(ic.id()));
        assertEquals(12, twelve.value().rooms().size());
        assertEquals(1, twelve.value().totals().openExceptions());
        assertNotNull(twelve.value().totals().meanTimeToContainmentSeconds());
        assertEquals(1, one.statements(), "one room: one query");
        assertEquals(1, twelve.statements(), "twelve rooms: still one query");

        StatementCounter.Counted<RoomMetrics> single = StatementCounter.count(() -> metrics.forMember(first, ic.id()));
        assertEquals(1, single.value().openExceptions());
        assertEquals(2, single.statements(), "the membership check, then the room's metrics");
    }

    @Test
    void exerciseScore_isMetOverTriggered_asThePlaybackRecordedThem_forTheFacilitatorOnly_untilReleased() {
        User facilitator = Api.newUser("Fran Facilitator");
        UUID room = Api.newExercise(facilitator, "test-drill");
        User ic = Api.join(Api.invite(facilitator, room, "incident_commander"), "Ian Player");
        User legal = Api.join(Api.invite(facilitator, room, "legal"), "Lee Player");
        User eng = Api.join(Api.invite(facilitator, room, "participant"), "Ed Player");
        Api.join(Api.invite(facilitator, room, "executive"), "Eve Player");
        Api.accepted(facilitator, room, "exercise.start", Map.of("speed", 1000));
        Api.accepted(ic, room, "role.assign", Map.of("userId", eng.id().toString(), "role", "containment_lead"));
        clock.advance(Duration.ofMinutes(5).dividedBy(1000));
        timers.fireDue();
        Api.accepted(legal, room, "inject.respond", Map.of("injectId", "legal-brief", "text", "On it"));
        clock.advance(Duration.ofMinutes(26).dividedBy(1000));
        timers.fireDue();
        timers.fireDue();
        facilitator.as().get("/api/metrics?roomId=" + room).then().statusCode(200).body("exerciseScore.endedAt", nullValue());
        Api.accepted(facilitator, room, "exercise.end", Map.of());

        long triggered = QuarkusTransaction.requiringNew().call(() -> ExpectationRecord.count("roomId", room));
        long met = QuarkusTransaction.requiringNew()
                .call(() -> ExpectationRecord.count("roomId = ?1 and outcome = ?2", room, PlaybackState.Outcome.MET));
        Instant ended = QuarkusTransaction.requiringNew().call(() -> Exercise.<Exercise> findById(room).endedAt);
        assertTrue(triggered > met && met >= 2, "met " + met + " of " + triggered);
        facilitator.as().get("/api/metrics?roomId=" + room).then().statusCode(200)
                .body("exerciseScore.met", equalTo((int) met))
                .body("exerciseScore.triggered", equalTo((int) triggered))
                .body("exerciseScore.score", equalTo((float) ((double) met / triggered)))
                .body("exerciseScore.endedAt", equalTo(WireTime.format(ended)));
        // The score is the facilitator's, as the after-action report is: a player (even the IC) gets none.
        ic.as().get("/api/metrics?roomId=" + room).then().statusCode(200).body("$", not(hasKey("exerciseScore")));
        facilitator.as().get("/api/metrics").then().statusCode(200)
                .body("totals.exerciseScoresOverTime.size()", equalTo(1))
                .body("totals.exerciseScoresOverTime[0].roomId", equalTo(room.toString()))
                .body("totals.exerciseScoresOverTime[0].endedAt", equalTo(WireTime.format(ended)))
                .body("totals.openIncidentsBySeverity", equalTo(Map.of()));
        ic.as().get("/api/metrics").then().statusCode(200).body("totals.exerciseScoresOverTime.size()", equalTo(0));

        // Released, the same score is every member's, and counts in their totals.
        Api.accepted(facilitator, room, "report.release", Map.of());
        ic.as().get("/api/metrics?roomId=" + room).then().statusCode(200)
                .body("exerciseScore.met", equalTo((int) met))
                .body("exerciseScore.triggered", equalTo((int) triggered));
        ic.as().get("/api/metrics").then().statusCode(200)
                .body("totals.exerciseScoresOverTime.size()", equalTo(1))
                .body("totals.exerciseScoresOverTime[0].roomId", equalTo(room.toString()));
    }
}
