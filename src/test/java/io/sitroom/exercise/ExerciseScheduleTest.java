package io.sitroom.exercise;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;
import io.quarkus.test.junit.QuarkusTest;
import io.sitroom.clock.MutableClock;
import io.sitroom.room.HashChain;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;

/** Scheduling an exercise and the communications check before its start (issue 18, item 9). */
@QuarkusTest
class ExerciseScheduleTest {

    @Inject
    MutableClock clock;

    User facilitator;
    UUID room;

    @BeforeEach
    void setUp() {
        clock.freeze();
        facilitator = Api.newUser("Fran Facilitator");
        room = Api.newExercise(facilitator, "test-drill");
    }

    @AfterEach
    void tearDown() {
        clock.unfreeze();
    }

    @Test
    void aScheduledExercise_saysWhen_inItsInvitations_andToEveryMember() {
        Instant startsAt = clock.instant().plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String when = HashChain.formatTime(startsAt);
        Api.accepted(facilitator, room, "exercise.schedule", Map.of("startsAt", startsAt.toString()));
        String code = facilitator.as().body(Map.of("role", "legal")).post("/api/rooms/" + room + "/invites").then().statusCode(201)
                .body("startsAt", equalTo(when)).extract().path("code");
        RestAssured.given().contentType("application/json").body(Map.of("code", code, "displayName", "Lee Player"))
                .post("/api/auth/join").then().statusCode(200).body("startsAt", equalTo(when));
        User legal = Api.join(Api.invite(facilitator, room, "legal"), "Lea Player");
        legal.as().get("/api/rooms/" + room + "/exercise").then().statusCode(200).body("startsAt", equalTo(when))
                .body("commsCheck", nullValue());
        Api.command(facilitator, room, "exercise.schedule", Map.of("startsAt", clock.instant().minusSeconds(60).toString()))
                .then().statusCode(400);
        Api.command(facilitator, room, "exercise.schedule", Map.of("startsAt", "tomorrow")).then().statusCode(400);
    }

    @Test
    void theCommsCheck_showsTheFacilitatorWhoIsNotReady_andPlayersOnlyTheirOwn() {
        User legal = Api.join(Api.invite(facilitator, room, "legal"), "Lee Player");
        User exec = Api.join(Api.invite(facilitator, room, "executive"), "Eve Player");
        facilitator.as().get("/api/rooms/" + room + "/exercise").then().statusCode(200)
                .body("commsCheck.ready", equalTo(List.of()))
                .body("commsCheck.notReady", contains("comms_approver", "containment_lead", "executive", "incident_commander", "legal"));
        Api.accepted(legal, room, "exercise.ready", Map.of());
        facilitator.as().get("/api/rooms/" + room + "/exercise").then().statusCode(200)
                .body("commsCheck.ready", contains("legal"))
                .body("commsCheck.notReady", contains("comms_approver", "containment_lead", "executive", "incident_commander"));
        assertEquals(0, Api.events(exec, room, "exercise.ready_confirmed").size(), "another player's check is not the executive's");
        assertEquals(1, Api.events(legal, room, "exercise.ready_confirmed").size());
        Api.command(facilitator, room, "exercise.ready", Map.of()).then().statusCode(403);
        Api.accepted(facilitator, room, "exercise.start", Map.of("speed", 1));
        Api.command(exec, room, "exercise.ready", Map.of()).then().statusCode(409);
        Api.command(facilitator, room, "exercise.schedule", Map.of("startsAt", "2099-01-01T09:00:00Z")).then().statusCode(409);
    }

    @Test
    void aPlayersView_saysWhichOfTheirOwnRolesConfirmed_neverAnothers() {
        User legal = Api.join(Api.invite(facilitator, room, "legal"), "Lee Player");
        User exec = Api.join(Api.invite(facilitator, room, "executive"), "Eve Player");
        User observer = Api.join(Api.invite(facilitator, room, "observer"), "Olli Observer");
        legal.as().get("/api/rooms/" + room + "/exercise").then().statusCode(200)
                .body("readyRoles", equalTo(List.of())).body("notReadyRoles", contains("legal")).body("commsCheck", nullValue());
        Api.accepted(legal, room, "exercise.ready", Map.of());
        // After a reload (a fresh view, no timeline needed) the player still knows it confirmed.
        legal.as().get("/api/rooms/" + room + "/exercise").then().statusCode(200)
                .body("readyRoles", contains("legal")).body("notReadyRoles", equalTo(List.of()));
        exec.as().get("/api/rooms/" + room + "/exercise").then().statusCode(200)
                .body("readyRoles", equalTo(List.of())).body("notReadyRoles", contains("executive")).body("commsCheck", nullValue());
        // A role the scenario does not have takes no part.
        observer.as().get("/api/rooms/" + room + "/exercise").then().statusCode(200)
                .body("readyRoles", equalTo(List.of())).body("notReadyRoles", equalTo(List.of()));
        // The snapshot's exercise section is the same view.
        exec.as().get("/api/rooms/" + room).then().statusCode(200)
                .body("exercise.readyRoles", equalTo(List.of())).body("exercise.notReadyRoles", contains("executive"));
        facilitator.as().get("/api/rooms/" + room + "/exercise").then().statusCode(200)
                .body("commsCheck.ready", contains("legal"))
                .body("commsCheck.notReady", contains("comms_approver", "containment_lead", "executive", "incident_commander"))
                .body("readyRoles", nullValue()).body("notReadyRoles", nullValue());
    }
}
