package io.sitroom.retro;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static io.sitroom.testing.ExportTampering.assertCaught;
import static io.sitroom.testing.ExportTampering.index;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.sitroom.clock.MutableClock;
import io.sitroom.room.Timers;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;
import io.sitroom.verify.ExportVerifier;

/**
 * An exercise in an export, played again by the verifier: the facilitator's export carries the scenario the room's
 * room.created binds by its digest, and the exercise and its score are derived from the events on it; a changed
 * inject, score or script is caught; a player's export carries no script (the exercise is then not derived).
 */
@QuarkusTest
class ExerciseCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    MutableClock clock;

    @Inject
    Timers timers;

    User facilitator;
    User legal;
    UUID room;

    @BeforeEach
    void setUp() {
        clock.freeze();
        facilitator = Api.newUser("Fran Facilitator");
        room = Api.newExercise(facilitator, "test-drill");
        legal = Api.join(Api.invite(facilitator, room, "legal"), "Lee Player");
        Api.join(Api.invite(facilitator, room, "executive"), "Eve Player");
        Api.accepted(facilitator, room, "exercise.schedule", Map.of("startsAt", clock.instant().plus(Duration.ofHours(1)).toString()));
        Api.accepted(legal, room, "exercise.ready", Map.of());
        Api.accepted(facilitator, room, "exercise.start", Map.of("speed", 1000));
        // Improvised: an inject added, one edited, one dropped, one moved.
        Api.accepted(facilitator, room, "inject.add", Map.of("injectId", "press-call", "title", "A journalist calls legal",
                "body", "She has the ransom note.", "to", List.of("legal"), "atMs", 10 * 60_000));
        Api.accepted(facilitator, room, "inject.edit", Map.of("injectId", "legal-brief", "body", "Counsel wants a call in ten minutes."));
        Api.accepted(facilitator, room, "inject.drop", Map.of("injectId", "exec-ask"));
        Api.accepted(facilitator, room, "inject.move", Map.of("injectId", "decision-point", "atMs", 8 * 60_000));
        play(Duration.ofMinutes(6));
        Api.accepted(legal, room, "inject.respond", Map.of("injectId", "legal-brief", "text", "Calling now."));
        Api.accepted(facilitator, room, "exercise.pause", Map.of());
        Api.accepted(facilitator, room, "exercise.speed", Map.of("speed", 500));
        Api.accepted(facilitator, room, "exercise.resume", Map.of());
        play(Duration.ofMinutes(20));
    }

    @AfterEach
    void tearDown() {
        clock.unfreeze();
    }

    private void play(Duration scenarioTime) {
        clock.advance(scenarioTime.dividedBy(1000));
        timers.fireDue();
    }

    private String export(User who) {
        return who.as().get("/api/rooms/" + room + "/export?format=json").then().statusCode(200).extract().asString();
    }

    @Test
    void theFacilitatorsExport_provesTheExercise_whileItRuns_andItsScore_whenItEnded() throws Exception {
        ExportVerifier.Result running = ExportVerifier.verify(export(facilitator));
        assertTrue(running.ok(), running.toString());
        assertTrue(running.proven().sections().contains("room.exercise"), running.proven().toString());
        assertTrue(running.proven().unproven().contains("room.exercise.elapsedMs"), "read when the snapshot was made: " + running.proven());

        Api.accepted(facilitator, room, "exercise.end", Map.of());
        Api.accepted(facilitator, room, "report.release", Map.of());
        String json = export(facilitator);
        ExportVerifier.Result ended = ExportVerifier.verify(json);
        assertTrue(ended.ok(), ended.toString());
        assertTrue(ended.proven().sections().containsAll(List.of("room.exercise", "metrics.exerciseScore")), ended.proven().toString());
        assertFalse(ended.proven().unproven().contains("room.exercise.elapsedMs"), "a stopped clock reads the same at any time");
        JsonNode root = JSON.readTree(json);
        assertTrue(root.path("metrics").path("exerciseScore").path("met").asInt() >= 1, root.path("metrics").toString());

        int brief = index(root.path("room").path("exercise").path("injects"), i -> i.path("id").asText().equals("legal-brief"));
        assertCaught(json, e -> ((ObjectNode) e.path("room").path("exercise").path("injects").get(brief)).put("body", "All is calm."),
                "room.exercise.injects[" + brief + "].body: the file says \"All is calm.\", the events say \"Counsel wants a call in ten minutes.\"");
        int ack = index(root.path("room").path("exercise").path("expectations"), x -> x.path("id").asText().equals("legal-ack"));
        assertCaught(json, e -> ((ObjectNode) e.path("room").path("exercise").path("expectations").get(ack)).put("status", "missed"),
                "room.exercise.expectations[" + ack + "].status: the file says \"missed\", the events say \"met\"");
        long met = root.path("metrics").path("exerciseScore").path("met").asLong();
        assertCaught(json, e -> ((ObjectNode) e.path("metrics").path("exerciseScore")).put("met", met + 3),
                "metrics.exerciseScore.met: the file says " + (met + 3) + ", the events say " + met);
        // The script changed to suit the file: a longer time to acknowledge would turn a miss into a success.
        String script = root.path("scenario").path("text").asText();
        assertTrue(script.contains("within: 5m"), script);
        assertCaught(json, e -> ((ObjectNode) e.path("scenario")).put("text", script.replace("within: 5m", "within: 50m")),
                "room.exercise: scenario.text is not the scenario the room plays");
    }

    @Test
    void aPlayersExport_carriesNoScript_andProvesTheExerciseAsFarAsTheirEventsShowIt() throws Exception {
        String json = export(legal);
        JsonNode root = JSON.readTree(json);
        assertTrue(root.path("scenario").isMissingNode(), "the script is the facilitator's: " + root.path("scenario"));
        assertFalse(json.contains("Expect a containment lead"), "no facilitator notes");
        assertFalse(json.contains("A reporter has the ransom note"), "no inject that did not reach the player");
        ExportVerifier.Result result = ExportVerifier.verify(json);
        assertTrue(result.ok(), result.toString());
        assertTrue(result.proven().sections().contains("room.exercise"), result.proven().toString());

        int brief = index(root.path("room").path("exercise").path("injects"), i -> i.path("id").asText().equals("legal-brief"));
        assertCaught(json, e -> ((ObjectNode) e.path("room").path("exercise").path("injects").get(brief)).put("title", "Nothing to see"),
                "room.exercise.injects[" + brief + "].title: the file says \"Nothing to see\", the events say \"Counsel on the line\"");
        assertCaught(json, e -> ((ObjectNode) e.path("room").path("exercise")).put("summary", "A quiet day"),
                "room.exercise.summary: the file says \"A quiet day\"");
    }

    @Test
    void aPlayersExportAfterTheRelease_provesTheExercise_butNotTheScore_whichCountsInjectsToOtherRoles() throws Exception {
        Api.accepted(facilitator, room, "exercise.end", Map.of());
        Api.accepted(facilitator, room, "report.release", Map.of());
        String json = export(legal);
        assertTrue(JSON.readTree(json).path("metrics").has("exerciseScore"), "released to every member");
        ExportVerifier.Result result = ExportVerifier.verify(json);
        assertTrue(result.ok(), result.toString());
        assertTrue(result.proven().sections().contains("room.exercise"), result.proven().toString());
        assertTrue(result.proven().unproven().contains("metrics.exerciseScore"), result.proven().toString());
    }
}
