package io.sitroom.exercise;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;

/**
 * The hot wash's Participant Feedback Form: the facilitator opens and closes it, players (guests) answer;
 * the facilitator reads every answer, a player only their own; the after-action report gains its
 * "Participant Feedback Summary" appendix, attributed by role, never by name.
 */
@QuarkusTest
class FeedbackFlowTest {

    private User facilitator;
    private User legal;
    private User executive;
    private UUID room;

    @BeforeEach
    void exercise() {
        facilitator = Api.newUser("Fran Facilitator");
        room = Api.newExercise(facilitator, "test-drill");
        legal = Api.join(Api.invite(facilitator, room, "legal"), "Lee Player");
        executive = Api.join(Api.invite(facilitator, room, "executive"), "Eve Player");
    }

    private void endedWithFormOpen() {
        Api.accepted(facilitator, room, "exercise.start", Map.of());
        Api.accepted(facilitator, room, "exercise.end", Map.of());
        Api.accepted(facilitator, room, "feedback.open", Map.of());
    }

    private JsonPath feedback(User user) {
        return user.as().get("/api/rooms/" + room + "/feedback").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void open_isAConflict_beforeTheStart_andSubmit_beforeItOpens() {
        assertEquals(409, Api.command(facilitator, room, "feedback.open", Map.of()).statusCode());
        assertEquals(409, Api.command(legal, room, "feedback.submit", Map.of("comments", "too early")).statusCode());
        Api.accepted(facilitator, room, "exercise.start", Map.of());
        assertEquals(409, Api.command(facilitator, room, "feedback.close", Map.of()).statusCode(), "not open yet");
        Api.accepted(facilitator, room, "feedback.open", Map.of());
        assertEquals(409, Api.command(facilitator, room, "feedback.open", Map.of()).statusCode(), "already open");
    }

    @Test
    void submit_refusesBadRatings_andEmptyForms_withA400() {
        endedWithFormOpen();
        Api.command(legal, room, "feedback.submit", Map.of("ratings", Map.of("no-such-objective", 3))).then().statusCode(400)
                .body("error.message", containsString("no objective 'no-such-objective'"));
        Api.command(legal, room, "feedback.submit", Map.of("ratings", Map.of("lead", 6))).then().statusCode(400)
                .body("error.message", containsString("from 1 to 5"));
        Api.command(legal, room, "feedback.submit", Map.of("strengths", List.of("  "))).then().statusCode(400);
        assertEquals(403, Api.command(facilitator, room, "feedback.submit", Map.of("comments", "mine")).statusCode(),
                "the facilitator reads the answers, gives none");
    }

    @Test
    void theFacilitatorReadsEveryAnswer_aPlayerOnlyTheirOwn_andAResubmissionReplaces() {
        endedWithFormOpen();
        long first = Api.accepted(legal, room, "feedback.submit", Map.of("strengths", List.of("first try"), "ratings", Map.of("decide", 2)));
        Api.accepted(executive, room, "feedback.submit", Map.of("strengths", List.of("the CEO was kept informed"),
                "improvements", List.of("updates came late"), "ratings", Map.of("inform", 3, "decide", 4), "comments", "Good drill."));
        Api.accepted(legal, room, "feedback.submit", Map.of("strengths", List.of("counsel joined early"),
                "improvements", List.of("no notification template"), "ratings", Map.of("decide", 5)));

        JsonPath all = feedback(facilitator);
        assertEquals("open", all.getString("status"));
        assertEquals(List.of("lead", "decide", "inform"), all.getList("objectives.id"));
        assertEquals(2, all.getList("submissions").size(), "one answer per member, the latest");
        assertEquals(List.of("counsel joined early"), all.getList("submissions.find { it.by == 'Lee Player' }.strengths"));
        assertEquals(first, all.getLong("submissions.find { it.by == 'Lee Player' }.replacesSeq"));
        assertEquals(4.5f, all.getFloat("summary.objectives.find { it.id == 'decide' }.average"));
        assertEquals(List.of(0, 0, 0, 1, 1), all.getList("summary.objectives.find { it.id == 'decide' }.distribution"));

        JsonPath mine = feedback(legal);
        assertEquals(List.of("counsel joined early"), mine.getList("mine.strengths"));
        assertNull(mine.get("submissions"));
        assertNull(mine.get("summary"));
        assertFalse(mine.prettify().contains("the CEO was kept informed"), "never another player's answers");

        // Nor over the log: a player's stream carries only their own submission.
        List<Map<String, Object>> seenByExecutive = Api.events(executive, room, "feedback.submitted");
        assertEquals(1, seenByExecutive.size());
        assertFalse(seenByExecutive.toString().contains("counsel joined early"));
        assertEquals(3, Api.events(facilitator, room, "feedback.submitted").size());
    }

    @Test
    void theReport_gainsTheFeedbackAppendix_attributedByRole_andAPlayerReadsOnlyItsAggregates() {
        endedWithFormOpen();
        Api.accepted(legal, room, "feedback.submit", Map.of("strengths", List.of("counsel joined early"),
                "improvements", List.of("no notification template"), "ratings", Map.of("decide", 5)));
        Api.accepted(executive, room, "feedback.submit", Map.of("ratings", Map.of("decide", 3), "comments", "Good drill."));
        Api.accepted(facilitator, room, "feedback.close", Map.of());
        assertEquals(409, Api.command(legal, room, "feedback.submit", Map.of("comments", "late")).statusCode(), "the form is closed");

        JsonPath json = facilitator.as().get("/api/rooms/" + room + "/report?format=json").then().statusCode(200).extract().jsonPath();
        assertEquals("closed", json.getString("feedback.status"));
        assertEquals(2, json.getInt("feedback.respondents"));
        assertEquals(2, json.getInt("feedback.players"));
        assertEquals(4.0f, json.getFloat("feedback.objectives.find { it.id == 'decide' }.average"));
        assertEquals(List.of(Map.of("role", "legal", "text", "counsel joined early")), json.getList("feedback.strengths"));
        assertEquals(List.of(Map.of("role", "executive", "text", "Good drill.")), json.getList("feedback.comments"));

        String markdown = facilitator.as().get("/api/rooms/" + room + "/report").then().statusCode(200).extract().asString();
        assertTrue(markdown.contains("## Appendix: Participant Feedback Summary"), markdown);
        assertTrue(markdown.contains("- no notification template (legal)"), markdown);
        assertFalse(markdown.contains("Lee Player"), "attributed by role, not by name");

        facilitator.as().get("/api/exercises/" + room + "/documents/aar-ip.html").then().statusCode(200)
                .body(containsString("Appendix: Participant Feedback Summary"), containsString("counsel joined early (legal)"),
                        not(containsString("Lee Player")));
        facilitator.as().get("/api/exercises/" + room + "/documents/aar-ip.pdf").then().statusCode(200);

        Api.accepted(facilitator, room, "report.release", Map.of());
        JsonPath players = executive.as().get("/api/rooms/" + room + "/report?format=json").then().statusCode(200).extract().jsonPath();
        assertEquals(2, players.getInt("feedback.respondents"));
        assertEquals(4.0f, players.getFloat("feedback.objectives.find { it.id == 'decide' }.average"));
        assertNull(players.get("feedback.strengths"), "a player never reads another player's words");
        assertNull(players.get("feedback.comments"));
        assertFalse(executive.as().get("/api/rooms/" + room + "/report").then().extract().asString().contains("counsel joined early"));
    }

    @Test
    void theReport_hasNoAppendix_whenTheFormWasNeverOpened() {
        Api.accepted(facilitator, room, "exercise.start", Map.of());
        Api.accepted(facilitator, room, "exercise.end", Map.of());
        JsonPath json = facilitator.as().get("/api/rooms/" + room + "/report?format=json").then().statusCode(200).extract().jsonPath();
        assertNull(json.get("feedback"));
    }
}
