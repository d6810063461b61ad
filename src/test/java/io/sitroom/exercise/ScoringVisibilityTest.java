package io.sitroom.exercise;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.sitroom.clock.MutableClock;
import io.sitroom.room.Timers;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;

/**
 * What a player learns of the scoring and of injects meant for others: the score is the facilitator's
 * (as the after-action report is) until the facilitator releases the report after the end, over
 * metrics, exports and the report alike; the released report keeps the facilitator's script and other
 * roles' injects from a player; an inject of other roles, one still to come and one that does not
 * exist are refused alike.
 */
@QuarkusTest
class ScoringVisibilityTest {

    /** What the executive must never read: the other roles' injects of test-drill, delivered or not. */
    private static final List<String> HIDDEN = List.of("kickoff", "EDR alert", "Ransomware note", "legal-brief", "Counsel on the line",
            "exec-ask", "The CEO asks", "curveball", "A journalist calls", "Expect a containment lead");

    @Inject
    MutableClock clock;

    @Inject
    Timers timers;

    private Instant began;
    private User facilitator;
    private User executive;
    private User legal;
    private UUID room;

    @BeforeEach
    void playSixMinutes() {
        clock.freeze();
        began = clock.instant();
        facilitator = Api.newUser("Fran Facilitator");
        room = Api.newExercise(facilitator, "test-drill");
        Api.join(Api.invite(facilitator, room, "incident_commander"), "Ian Player");
        legal = Api.join(Api.invite(facilitator, room, "legal"), "Lee Player");
        executive = Api.join(Api.invite(facilitator, room, "executive"), "Eve Player");
        Api.accepted(facilitator, room, "exercise.start", Map.of("speed", 1000));
        // Six scenario minutes: kickoff (for the IC) and legal-brief (for legal) are delivered, with their
        // expectations; the executive's exec-ask comes 20 minutes after kickoff.
        clock.advance(Duration.ofMinutes(6).dividedBy(1000));
        timers.fireDue();
    }

    @AfterEach
    void rewindAndUnfreeze() {
        clock.advance(Duration.between(clock.instant(), began));
        clock.unfreeze();
    }

    private String export(User user, String format) {
        return user.as().get("/api/rooms/" + room + "/export?format=" + format).then().statusCode(200).extract().asString();
    }

    private static void assertNoneOf(List<String> hidden, String text, String where) {
        hidden.forEach(h -> assertFalse(text.contains(h), where + " shows '" + h + "'"));
    }

    private String report(User user, String format) {
        return user.as().get("/api/rooms/" + room + "/report?format=" + format).then().statusCode(200).extract().asString();
    }

    private void endAndRelease() {
        Api.accepted(facilitator, room, "exercise.end", Map.of());
        Api.accepted(facilitator, room, "report.release", Map.of());
    }

    @Test
    void exerciseScore_isTheFacilitators_notAPlayersInMetrics_beforeOrAfterTheEnd_whileUnreleased() {
        facilitator.as().get("/api/metrics?roomId=" + room).then().statusCode(200)
                .body("exerciseScore.triggered", greaterThanOrEqualTo(2));
        executive.as().get("/api/metrics?roomId=" + room).then().statusCode(200)
                .body("$", not(hasKey("exerciseScore")))
                .body("roomId", equalTo(room.toString()));

        Api.accepted(facilitator, room, "exercise.end", Map.of());
        executive.as().get("/api/metrics?roomId=" + room).then().statusCode(200).body("$", not(hasKey("exerciseScore")));
        executive.as().get("/api/metrics").then().statusCode(200)
                .body("rooms[0]", not(hasKey("exerciseScore")))
                .body("totals.exerciseScoresOverTime.size()", equalTo(0));
        facilitator.as().get("/api/metrics").then().statusCode(200)
                .body("rooms[0].exerciseScore.triggered", greaterThanOrEqualTo(2))
                .body("totals.exerciseScoresOverTime.size()", equalTo(1));
    }

    @Test
    void exerciseScore_andOtherRolesInjects_stayOutOfAPlayersExports() {
        Api.accepted(facilitator, room, "exercise.end", Map.of());
        executive.as().get("/api/rooms/" + room + "/export?format=json").then().statusCode(200)
                .body("metrics", not(hasKey("exerciseScore")))
                .body("metrics.roomId", equalTo(room.toString()));
        for (String format : List.of("json", "markdown", "html")) {
            String text = export(executive, format);
            assertFalse(text.contains("exerciseScore"), format + " export shows the score to a player");
            assertNoneOf(HIDDEN, text, format + " export");
        }
        facilitator.as().get("/api/rooms/" + room + "/export?format=json").then().statusCode(200)
                .body("metrics.exerciseScore.triggered", greaterThanOrEqualTo(2));
        assertTrue(export(facilitator, "markdown").contains("exerciseScore"), "the facilitator's export has the score");
    }

    @Test
    void report_isForbidden_toAPlayer_untilReleased_andTheScoreWithIt() {
        Api.accepted(facilitator, room, "exercise.end", Map.of());
        for (String format : List.of("json", "markdown")) {
            executive.as().get("/api/rooms/" + room + "/report?format=" + format).then().statusCode(403)
                    .body("error.code", equalTo("forbidden"))
                    .body("error.message", equalTo("the after-action report is the facilitator's until they release it"));
        }
        executive.as().get("/api/rooms/" + room).then().statusCode(200).body("exercise.reportReleased", equalTo(false));
        report(facilitator, "json");
    }

    @Test
    void release_isAConflict_beforeTheEnd_andTheSecondTime() {
        Response early = Api.command(facilitator, room, "report.release", Map.of());
        assertEquals(409, early.statusCode(), early.asString());
        assertEquals("conflict", early.jsonPath().getString("error.code"));
        assertEquals("the report is released after the exercise has ended (it is running)", early.jsonPath().getString("error.message"));

        endAndRelease();
        Response again = Api.command(facilitator, room, "report.release", Map.of());
        assertEquals(409, again.statusCode(), again.asString());
        assertEquals("the report has already been released", again.jsonPath().getString("error.message"));
        assertEquals(1, Api.events(facilitator, room, "report.released").size());
    }

    @Test
    void release_isForbidden_toAPlayer() {
        Api.accepted(facilitator, room, "exercise.end", Map.of());
        Response refused = Api.command(executive, room, "report.release", Map.of());
        assertEquals(403, refused.statusCode(), refused.asString());
        executive.as().get("/api/rooms/" + room + "/report").then().statusCode(403);
    }

    @Test
    void exerciseScore_reachesEveryMember_inMetricsAndExports_onceReleased() {
        endAndRelease();
        List<Map<String, Object>> released = Api.events(executive, room, "report.released");
        assertEquals(1, released.size(), "the release is for everyone");
        executive.as().get("/api/rooms/" + room).then().statusCode(200).body("exercise.reportReleased", equalTo(true));
        executive.as().get("/api/metrics?roomId=" + room).then().statusCode(200)
                .body("exerciseScore.triggered", greaterThanOrEqualTo(2));
        executive.as().get("/api/metrics").then().statusCode(200)
                .body("rooms[0].exerciseScore.triggered", greaterThanOrEqualTo(2))
                .body("totals.exerciseScoresOverTime.size()", equalTo(1));
        executive.as().get("/api/rooms/" + room + "/export?format=json").then().statusCode(200)
                .body("metrics.exerciseScore.triggered", greaterThanOrEqualTo(2));
        for (String format : List.of("json", "markdown", "html")) {
            String text = export(executive, format);
            assertTrue(text.contains("exerciseScore"), format + " export lacks the released score");
            assertNoneOf(HIDDEN, text, format + " export");
        }
    }

    @Test
    void releasedReport_showsAPlayer_noFacilitatorNotes_noUndeliveredExpectations_norAnotherRolesInjectOrNote() {
        Api.accepted(legal, room, "note.add", Map.of("text", "Privileged: counsel thinks we must notify", "visibleTo", List.of("legal")));
        endAndRelease();
        List<String> facilitatorsOnly = List.of("Expect a containment lead", "Who decided, and with whose approval?", "not_started",
                "Privileged: counsel thinks");
        for (String format : List.of("json", "markdown")) {
            String text = report(executive, format);
            assertNoneOf(HIDDEN, text, "the executive's " + format + " report");
            assertNoneOf(facilitatorsOnly, text, "the executive's " + format + " report");
        }
        // What the executive does read: the objectives rated over every expectation that came into play,
        // and the legal inject's expectation named only by whom it went to.
        executive.as().get("/api/rooms/" + room + "/report?format=json").then().statusCode(200)
                .body("objectives.size()", equalTo(3))
                .body("objectives.find { it.id == 'decide' }.expectations.id", equalTo(List.of("legal-ack")))
                .body("objectives.find { it.id == 'decide' }.expectations[0]", not(hasKey("injectId")))
                .body("$", not(hasKey("debrief")));
        assertTrue(report(executive, "markdown").contains("an inject to legal"), "the gap names the inject by its roles only");

        // Legal was sent the legal brief: its report names it, and still no note of the facilitator.
        String legals = report(legal, "markdown");
        assertTrue(legals.contains("Counsel on the line"), legals);
        assertNoneOf(List.of("Expect a containment lead", "EDR alert", "Who decided"), legals, "legal's report");
        // The facilitator's report is whole.
        String whole = report(facilitator, "json");
        assertTrue(whole.contains("not_started") && whole.contains("Who decided, and with whose approval?"), whole);
    }

    @Test
    void planActions_stayTheFacilitators_afterRelease() {
        endAndRelease();
        executive.as().post("/api/rooms/" + room + "/report/actions").then().statusCode(403).body("error.code", equalTo("forbidden"));
    }

    @Test
    void respond_isRefusedAlike_forAnotherRolesInject_oneStillToCome_andNoSuchInject() {
        List<Response> refusals = List.of("kickoff", "exec-ask", "no-such-inject").stream()
                .map(id -> Api.command(executive, room, "inject.respond", Map.of("injectId", id, "text", "seen"))).toList();
        for (Response refusal : refusals) {
            assertEquals(403, refusal.statusCode(), refusal.asString());
            assertEquals("forbidden", refusal.jsonPath().getString("error.code"));
        }
        // The same words, but for the id the player sent itself.
        List<String> messages = refusals.stream().map(r -> r.jsonPath().getString("error.message")).toList();
        assertEquals(List.of("'kickoff' is not an inject delivered to your roles", "'exec-ask' is not an inject delivered to your roles",
                "'no-such-inject' is not an inject delivered to your roles"), messages);
        assertNoneOf(List.of("EDR alert", "incident_commander", "The CEO asks"), String.join(" ", messages), "a refusal");
    }
}
