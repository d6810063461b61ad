package io.sitroom.exercise;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.sitroom.clock.MutableClock;
import io.sitroom.room.Timers;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;

/** Plays the test drill at 1000x on a frozen clock: every step is exact and nothing waits. */
@QuarkusTest
class ExerciseFlowTest {

    @Inject
    MutableClock clock;

    @Inject
    Timers timers;

    User facilitator;
    UUID room;
    User ic;
    User legal;
    User exec;
    User eng;

    @BeforeEach
    void setUp() {
        clock.freeze();
        facilitator = Api.newUser("Fran Facilitator");
        room = Api.newExercise(facilitator, "test-drill");
        ic = Api.join(Api.invite(facilitator, room, "incident_commander"), "Ian Player");
        legal = Api.join(Api.invite(facilitator, room, "legal"), "Lee Player");
        exec = Api.join(Api.invite(facilitator, room, "executive"), "Eve Player");
        eng = Api.join(Api.invite(facilitator, room, "participant"), "Ed Player");
    }

    @AfterEach
    void tearDown() {
        clock.unfreeze();
    }

    /** Moves scenario time forward at 1000x and lets the engine catch up. */
    private void play(Duration scenarioTime) {
        clock.advance(scenarioTime.dividedBy(1000));
        timers.fireDue();
    }

    private List<String> injectsSeenBy(User user) {
        return Api.events(user, room, "inject.delivered").stream().map(e -> (String) ((Map<?, ?>) e.get("data")).get("injectId")).toList();
    }

    private List<String> expectations(String kind) {
        return Api.events(facilitator, room, kind).stream().map(e -> (String) ((Map<?, ?>) e.get("data")).get("expectationId")).toList();
    }

    private void start() {
        Api.accepted(facilitator, room, "exercise.start", Map.of("speed", 1000));
    }

    @Test
    void exercise_makesItsCreatorFacilitator_andRefusesUnknownScenarios() {
        facilitator.as().get("/api/rooms/" + room).then()
                .body("kind", equalTo("EXERCISE"))
                .body("members.find { it.userId == '" + facilitator.id() + "' }.roles", contains("facilitator"))
                .body("exercise.status", equalTo("ready"))
                .body("exercise.injects.size()", equalTo(8));
        facilitator.as().body(Map.of("kind", "EXERCISE", "title", "x", "scenarioId", "no-such-scenario")).post("/api/rooms")
                .then().statusCode(404);
        facilitator.as().body(Map.of("kind", "EXERCISE", "title", "x")).post("/api/rooms").then().statusCode(400);
    }

    @Test
    void guests_areConfinedToTheirRoomAndRole() {
        ic.as().get("/api/rooms/" + room).then().statusCode(200).body("you", nullValue());
        UUID other = Api.newIncident(facilitator, "Another room");
        ic.as().get("/api/rooms/" + other).then().statusCode(404);
        ic.as().body(Map.of("kind", "INCIDENT", "title", "mine")).post("/api/rooms").then().statusCode(403);
        ic.as().get("/api/users").then().statusCode(403);
        ic.as().get("/api/scenarios").then().statusCode(403);
        ic.as().get("/api/rooms").then().body("id", contains(room.toString())).body("[0].myRoles", contains("incident_commander"));
        Api.command(legal, room, "exercise.start", Map.of()).then().statusCode(403);
    }

    @Test
    void invitations_expire_andCannotGiveTheLeadRole() {
        String code = Api.invite(facilitator, room, "scribe");
        facilitator.as().body(Map.of("role", "facilitator")).post("/api/rooms/" + room + "/invites").then().statusCode(400);
        ic.as().body(Map.of("role", "scribe")).post("/api/rooms/" + room + "/invites").then().statusCode(403);
        clock.advance(Duration.ofMinutes(121));
        io.restassured.RestAssured.given().contentType("application/json").body(Map.of("code", code, "displayName", "Late"))
                .post("/api/auth/join").then().statusCode(404).body("error.code", equalTo("not_found"));
    }

    @Test
    void timedInjects_reachOnlyTheirRoles_onScenarioTime() {
        start();
        assertEquals(List.of("kickoff"), injectsSeenBy(ic));
        assertEquals(List.of(), injectsSeenBy(legal));
        play(Duration.ofMinutes(4));
        assertEquals(List.of(), injectsSeenBy(legal));
        play(Duration.ofMinutes(1));
        assertEquals(List.of("legal-brief"), injectsSeenBy(legal));
        assertEquals(List.of("kickoff"), injectsSeenBy(ic), "the IC of an exercise is a player: legal's inject is not for them");
        assertEquals(List.of("kickoff", "legal-brief"), injectsSeenBy(facilitator));
        play(Duration.ofMinutes(15));
        assertEquals(List.of("exec-ask"), injectsSeenBy(exec), "20 minutes after kickoff");
    }

    @Test
    void expectations_areMetOrMissed_live_andOnlyTheFacilitatorSeesThem() {
        start();
        Api.accepted(facilitator, room, "role.assign", Map.of("userId", eng.id().toString(), "role", "containment_lead"));
        Api.command(ic, room, "role.assign", Map.of("userId", legal.id().toString(), "role", "containment_lead")).then().statusCode(200);
        assertEquals(List.of("name-lead"), expectations("expectation.met"), "met by the IC's assignment");
        play(Duration.ofMinutes(5));
        Api.accepted(legal, room, "inject.respond", Map.of("injectId", "legal-brief", "text", "On it"));
        assertEquals(List.of("name-lead", "legal-ack"), expectations("expectation.met"));
        play(Duration.ofMinutes(26));
        assertEquals(List.of("exec-update"), expectations("expectation.missed"), "no executive update within 10 minutes");
        assertTrue(injectsSeenBy(exec).contains("escalation"), "the miss set off the escalation inject");
        assertEquals(0, Api.events(ic, room, "expectation.met", "expectation.missed").size(), "players never see the scoring");
        facilitator.as().get("/api/rooms/" + room + "/exercise").then().statusCode(200)
                .body("expectations.find { it.id == 'name-lead' }.status", equalTo("met"))
                .body("expectations.find { it.id == 'exec-update' }.status", equalTo("missed"))
                .body("expectations.find { it.id == 'propose-notify' }.status", equalTo("pending"));
    }

    @Test
    void decisionBranch_deliversTheAcceptedBranchOnly() {
        start();
        play(Duration.ofMinutes(30));
        assertTrue(injectsSeenBy(legal).contains("decision-point"));
        Api.accepted(ic, room, "decision.propose", Map.of("title", "Notify the regulator", "choice", "notify within 72h",
                "rationale", "personal data of 12,000 customers", "approvers", List.of("legal")));
        String decisionId = (String) ((Map<?, ?>) Api.events(ic, room, "decision.proposed").get(0).get("data")).get("decisionId");
        Api.accepted(legal, room, "decision.approve", Map.of("decisionId", decisionId));
        List<String> legalInjects = injectsSeenBy(legal);
        assertTrue(legalInjects.contains("notify-yes"), legalInjects.toString());
        assertTrue(!legalInjects.contains("notify-no"), legalInjects.toString());
        assertTrue(expectations("expectation.met").containsAll(List.of("propose-notify", "legal-accepts")));
    }

    @Test
    void pause_stopsScenarioTime_andResume_goesOn() {
        start();
        Api.accepted(facilitator, room, "exercise.pause", Map.of());
        play(Duration.ofMinutes(10));
        assertEquals(List.of(), injectsSeenBy(legal));
        Api.accepted(facilitator, room, "exercise.resume", Map.of());
        play(Duration.ofMinutes(5));
        assertEquals(List.of("legal-brief"), injectsSeenBy(legal));
        Api.command(facilitator, room, "exercise.resume", Map.of()).then().statusCode(409);
    }

    @Test
    void speed_changesHowFastScenarioTimeRuns() {
        start();
        Api.accepted(facilitator, room, "exercise.speed", Map.of("speed", 100));
        clock.advance(Duration.ofSeconds(3));
        timers.fireDue();
        assertEquals(List.of("legal-brief"), injectsSeenBy(legal), "3 s at 100x is 5 minutes");
        Api.command(facilitator, room, "exercise.speed", Map.of("speed", 5000)).then().statusCode(400);
    }

    @Test
    void manualInject_isDeliveredOnce_whenTheFacilitatorSaysSo() {
        start();
        User comms = Api.join(Api.invite(facilitator, room, "comms_approver"), "Cy Player");
        Api.accepted(facilitator, room, "exercise.inject", Map.of("injectId", "curveball"));
        Api.command(facilitator, room, "exercise.inject", Map.of("injectId", "curveball")).then().statusCode(409);
        Api.command(facilitator, room, "exercise.inject", Map.of("injectId", "nope")).then().statusCode(404);
        assertEquals(List.of("curveball"), injectsSeenBy(comms));
    }

    @Test
    void everyInject_isDeliveredExactlyOnce_evenWhenTicksRace() throws Exception {
        start();
        clock.advance(Duration.ofMinutes(40).dividedBy(1000));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var ticks = new java.util.ArrayList<java.util.concurrent.Future<?>>();
            for (int i = 0; i < 8; i++) {
                ticks.add(pool.submit(timers::fireDue));
            }
            for (var tick : ticks) {
                tick.get();
            }
        } finally {
            pool.shutdown();
        }
        List<String> delivered = injectsSeenBy(facilitator);
        assertEquals(delivered.stream().distinct().toList(), delivered);
        assertTrue(delivered.containsAll(List.of("kickoff", "legal-brief", "exec-ask", "decision-point", "escalation")), delivered.toString());
    }

    @Test
    void end_stopsPlayback() {
        start();
        Api.accepted(facilitator, room, "exercise.end", Map.of());
        play(Duration.ofMinutes(60));
        assertEquals(List.of("kickoff"), injectsSeenBy(facilitator));
        facilitator.as().get("/api/rooms/" + room).then().body("exercise.status", equalTo("ended"));
        facilitator.as().get("/api/rooms/" + room + "/exercise").then().body("injects.status", not(hasItem("delivered-twice")));
    }

    @Test
    void view_givesTheClockAnchorAndDeadlines_andAPlayerTheirInjectsInDeliveryOrder() {
        start();
        // decision-point (scenario order: 4th) reaches legal before legal-brief (2nd) does.
        Api.accepted(facilitator, room, "exercise.inject", Map.of("injectId", "decision-point"));
        play(Duration.ofMinutes(6));
        legal.as().get("/api/rooms/" + room).then()
                .body("exercise.injects.id", contains("decision-point", "legal-brief"))
                .body("exercise.clock.scenarioMs", equalTo(0));
        var view = facilitator.as().get("/api/rooms/" + room).then().extract().jsonPath();
        assertEquals(List.of("kickoff", "legal-brief", "exec-ask", "decision-point", "notify-yes", "notify-no", "escalation", "curveball"),
                view.getList("exercise.injects.id"), "the facilitator's script keeps the scenario's order");
        assertEquals(600_000, view.getLong("exercise.expectations.find { it.id == 'name-lead' }.withinMs"));
        assertEquals(600_000, view.getLong("exercise.expectations.find { it.id == 'name-lead' }.dueAtMs"));
        // elapsedMs is the clock read at its anchor: 6 minutes of scenario time at 1000x after the start.
        long anchor = view.getLong("exercise.clock.scenarioMs");
        java.time.Instant at = java.time.Instant.parse(view.getString("exercise.clock.at"));
        long wall = Duration.between(at, clock.instant()).toMillis();
        assertEquals(anchor + wall * 1000, view.getLong("exercise.elapsedMs"));
        Api.accepted(facilitator, room, "exercise.pause", Map.of());
        facilitator.as().get("/api/rooms/" + room).then().body("exercise.clock.at", nullValue());
    }
}
