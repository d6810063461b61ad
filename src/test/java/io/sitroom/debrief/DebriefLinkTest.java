package io.sitroom.debrief;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.sitroom.clock.MutableClock;
import io.sitroom.room.Timers;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;

/**
 * Read-only debrief links: made by the facilitator once the exercise has ended, read without signing in,
 * expiring and revocable; and what a debrief shows, never the facilitator's material.
 */
@QuarkusTest
class DebriefLinkTest {

    @Inject
    MutableClock clock;

    @Inject
    Timers timers;

    private java.time.Instant began;
    private User facilitator;
    private User ic;
    private User legal;
    private UUID room;

    @BeforeEach
    void playSixMinutes() {
        clock.freeze();
        began = clock.instant();
        facilitator = Api.newUser("Fran Facilitator");
        room = Api.newExercise(facilitator, "test-drill");
        ic = Api.join(Api.invite(facilitator, room, "incident_commander"), "Ian Player");
        legal = Api.join(Api.invite(facilitator, room, "legal"), "Lee Player");
        Api.accepted(facilitator, room, "exercise.start", Map.of("speed", 1000));
        // kickoff (to the IC) and legal-brief (to legal) are delivered; the rest never is.
        clock.advance(Duration.ofMinutes(6).dividedBy(1000));
        timers.fireDue();
    }

    @AfterEach
    void rewindAndUnfreeze() {
        clock.advance(Duration.between(clock.instant(), began));
        clock.unfreeze();
    }

    private String create(Map<String, ?> body) {
        return facilitator.as().body(body).post("/api/rooms/" + room + "/debrief-links").then().statusCode(201).extract().path("token");
    }

    private static io.restassured.response.Response read(String token) {
        return RestAssured.given().accept("application/json").header("X-Debrief-Token", token).get("/api/debrief");
    }

    @Test
    void aLink_isMadeOnlyOnceTheExerciseHasEnded_forAtMost30Days() {
        facilitator.as().body(Map.of()).post("/api/rooms/" + room + "/debrief-links").then().statusCode(409)
                .body("error.message", containsString("once the exercise has ended"));
        Api.accepted(facilitator, room, "exercise.end", Map.of());
        facilitator.as().body(Map.of("ttlDays", 31)).post("/api/rooms/" + room + "/debrief-links").then().statusCode(400);
        facilitator.as().body(Map.of("ttlDays", 0)).post("/api/rooms/" + room + "/debrief-links").then().statusCode(400);
        String path = facilitator.as().body(Map.of()).post("/api/rooms/" + room + "/debrief-links").then().statusCode(201).extract().path("path");
        assertTrue(path.startsWith("/debrief#"), path);
    }

    @Test
    void aDebrief_isReadWithoutSigningIn_untilItExpires() {
        Api.accepted(facilitator, room, "exercise.end", Map.of());
        String token = create(Map.of("ttlDays", 2));
        read(token).then().statusCode(200).header("Cache-Control", "no-store");
        assertEquals(List.of(true), facilitator.as().get("/api/rooms/" + room + "/debrief-links").then().statusCode(200).extract().jsonPath()
                .getList("active"));
        clock.advance(Duration.ofDays(2).plusSeconds(1));
        read(token).then().statusCode(410).body("error.code", org.hamcrest.Matchers.equalTo("gone"))
                .body("error.message", containsString("expired"));
        read("no-such-token").then().statusCode(404).body("error.message", containsString("unknown"));
    }

    @Test
    void aRevokedLink_isGone_andTheRevocationIsAnEventForTheFacilitator() {
        Api.accepted(facilitator, room, "exercise.end", Map.of());
        JsonPath made = facilitator.as().body(Map.of()).post("/api/rooms/" + room + "/debrief-links").then().statusCode(201).extract().jsonPath();
        String token = made.getString("token");
        String linkId = made.getString("linkId");
        String other = create(Map.of());
        legal.as().post("/api/rooms/" + room + "/debrief-links/" + linkId + "/revoke").then().statusCode(403);
        facilitator.as().post("/api/rooms/" + room + "/debrief-links/" + linkId + "/revoke").then().statusCode(204);
        // Revoking again is answered as the first time (the server's command id for it is the link's).
        facilitator.as().post("/api/rooms/" + room + "/debrief-links/" + linkId + "/revoke").then().statusCode(204);
        read(token).then().statusCode(410).body("error.message", containsString("revoked"));
        read(other).then().statusCode(200);
        assertEquals(1, Api.events(facilitator, room, "debrief.link_revoked").size());
        assertEquals(0, Api.events(legal, room, "debrief.link_created", "debrief.link_revoked").size(), "the links are the facilitator's");
        JsonPath links = facilitator.as().get("/api/rooms/" + room + "/debrief-links").then().extract().jsonPath();
        assertEquals(false, links.getBoolean("find { it.linkId == '" + linkId + "' }.active"));
        assertEquals(2, links.getList("active").size());
        assertFalse(links.prettify().contains(token), "a link's token is shown once, never listed");
    }

    /** The visibility test: a debrief shows what was delivered to whom and the decisions, never the facilitator's material. */
    @Test
    void aDebrief_neverCarriesFacilitatorOnlyMaterial_andShowsScoresOnlyOnceReleased() {
        Api.accepted(facilitator, room, "inject.add", Map.of("injectId", "secret-plan", "title", "Unplayed twist", "body", "Never delivered.",
                "to", List.of("legal"), "atMs", 3_000_000));
        Api.accepted(ic, room, "decision.propose", Map.of("title", "Notify the regulator", "choice", "notify",
                "rationale", "personal data involved", "approvers", List.of("legal")));
        Api.accepted(legal, room, "note.add", Map.of("text", "privileged: counsel advises", "visibleTo", List.of("legal")));
        Api.accepted(facilitator, room, "note.add", Map.of("text", "facilitator aside", "visibleTo", List.of("facilitator")));
        Api.accepted(facilitator, room, "exercise.end", Map.of());
        Api.accepted(facilitator, room, "feedback.open", Map.of());
        Api.accepted(legal, room, "feedback.submit", Map.of("strengths", List.of("counsel joined early"), "ratings", Map.of("decide", 4)));
        String token = create(Map.of());

        JsonPath debrief = read(token).then().statusCode(200).extract().jsonPath();
        String text = debrief.prettify();
        assertEquals(List.of("kickoff", "legal-brief"), debrief.getList("delivered.injectId"));
        assertEquals(List.of("incident_commander"), debrief.getList("delivered[0].to"));
        assertEquals("Notify the regulator", debrief.getString("decisions[0].title"));
        assertFalse(debrief.getBoolean("reportReleased"));
        assertNull(debrief.get("report"), "no score, no expectation before the release");
        for (String hidden : List.of("Expect a containment lead", // an inject's facilitator notes
                "A journalist calls", "The CEO asks", "Unplayed twist", "secret-plan", // injects never delivered, improvised ones
                "name-lead", "legal-ack", // expectations
                "Who decided, and with whose approval?", // the facilitator's hot wash questions
                "privileged: counsel advises", "facilitator aside", // restricted notes
                "counsel joined early", // a player's feedback
                "Lee Player", "Ian Player", "Fran Facilitator")) { // names
            assertFalse(text.contains(hidden), "the debrief shows '" + hidden + "': " + text);
        }

        Api.accepted(facilitator, room, "report.release", Map.of());
        JsonPath released = read(token).then().statusCode(200).extract().jsonPath();
        String after = released.prettify();
        assertTrue(released.getBoolean("reportReleased"));
        assertTrue(released.getInt("report.score.triggered") > 0);
        assertEquals(List.of("lead", "decide", "inform"), released.getList("report.objectives.id"));
        assertEquals(4.0f, released.getFloat("report.feedback.objectives.find { it.id == 'decide' }.average"));
        for (String hidden : List.of("Expect a containment lead", "A journalist calls", "Unplayed twist", "Who decided, and with whose approval?",
                "privileged: counsel advises", "facilitator aside", "counsel joined early", "Lee Player", "Ian Player")) {
            assertFalse(after.contains(hidden), "the released debrief shows '" + hidden + "': " + after);
        }
    }
}
