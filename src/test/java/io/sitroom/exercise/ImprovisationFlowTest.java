package io.sitroom.exercise;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

import io.quarkus.test.junit.QuarkusTest;
import io.sitroom.clock.MutableClock;
import io.sitroom.room.Timers;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;
import io.sitroom.testing.WsClient;

/**
 * The facilitator improvises during play (issue 18, item 3): the engine plays the changed script,
 * players learn of an improvised inject only when it is delivered, and the report lists the changes.
 */
@QuarkusTest
class ImprovisationFlowTest {

    private static final long MIN = 60_000;
    private static final List<String> IMPROVISATION = List.of("inject.added", "inject.edited", "inject.dropped", "inject.moved");

    @Inject
    MutableClock clock;

    @Inject
    Timers timers;

    User facilitator;
    UUID room;
    User legal;
    User exec;

    @BeforeEach
    void setUp() {
        clock.freeze();
        facilitator = Api.newUser("Fran Facilitator");
        room = Api.newExercise(facilitator, "test-drill");
        legal = Api.join(Api.invite(facilitator, room, "legal"), "Lee Player");
        exec = Api.join(Api.invite(facilitator, room, "executive"), "Eve Player");
        Api.accepted(facilitator, room, "exercise.start", Map.of("speed", 1000));
    }

    @AfterEach
    void tearDown() {
        clock.unfreeze();
    }

    private void play(Duration scenarioTime) {
        clock.advance(scenarioTime.dividedBy(1000));
        timers.fireDue();
    }

    private Map<?, ?> delivered(User user, String injectId) {
        return Api.events(user, room, "inject.delivered").stream().map(e -> (Map<?, ?>) e.get("data"))
                .filter(d -> injectId.equals(d.get("injectId"))).findFirst().orElse(null);
    }

    private void improvise() {
        Api.accepted(facilitator, room, "inject.add", Map.of("injectId", "press-call", "title", "A journalist calls legal",
                "body", "She has the ransom note.", "to", List.of("legal"), "atMs", 10 * MIN));
        Api.accepted(facilitator, room, "inject.edit", Map.of("injectId", "legal-brief", "body", "Counsel wants a call in ten minutes."));
        Api.accepted(facilitator, room, "inject.drop", Map.of("injectId", "exec-ask"));
        Api.accepted(facilitator, room, "inject.move", Map.of("injectId", "decision-point", "atMs", 8 * MIN));
    }

    @Test
    void theEngine_playsTheChangedScript() {
        improvise();
        play(Duration.ofMinutes(5));
        assertEquals("Counsel wants a call in ten minutes.", delivered(legal, "legal-brief").get("body"), "delivered as edited");
        play(Duration.ofMinutes(3));
        assertEquals(8 * MIN, ((Number) delivered(legal, "decision-point").get("scenarioMs")).longValue(), "moved from 30 to 8 minutes");
        assertEquals(null, delivered(legal, "press-call"));
        play(Duration.ofMinutes(2));
        assertEquals("A journalist calls legal", delivered(legal, "press-call").get("title"));
        play(Duration.ofMinutes(30));
        assertEquals(null, delivered(exec, "exec-ask"), "dropped: never delivered");
        facilitator.as().get("/api/rooms/" + room + "/exercise").then().statusCode(200)
                .body("injects.find { it.id == 'exec-ask' }.status", equalTo("dropped"))
                .body("injects.find { it.id == 'press-call' }.improvised", equalTo("added"))
                .body("injects.find { it.id == 'legal-brief' }.improvised", equalTo("changed"));
    }

    @Test
    void aDroppedInject_isListedInItsPlace_asItStoodWhenDropped() {
        improvise();
        Api.accepted(facilitator, room, "inject.edit", Map.of("injectId", "decision-point", "title", "Tell the regulator?"));
        Api.accepted(facilitator, room, "inject.drop", Map.of("injectId", "decision-point"));
        facilitator.as().get("/api/rooms/" + room + "/exercise").then().statusCode(200)
                .body("injects.id", equalTo(List.of("kickoff", "legal-brief", "exec-ask", "decision-point", "notify-yes", "notify-no",
                        "escalation", "curveball", "press-call")))
                .body("injects.find { it.id == 'decision-point' }.status", equalTo("dropped"))
                .body("injects.find { it.id == 'decision-point' }.title", equalTo("Tell the regulator?"))
                .body("injects.find { it.id == 'decision-point' }.timing.atSeconds", equalTo(8 * 60))
                .body("injects.find { it.id == 'decision-point' }.dueAtMs", nullValue())
                .body("expectations.findAll { it.injectId == 'decision-point' }", hasSize(0));
    }

    @Test
    void notReacted_namesEveryAddressedRoleThatHasNotResponded_heldOrNot() {
        // Nobody holds incident_commander: the kickoff went to it all the same, and nobody answered.
        play(Duration.ofMinutes(1));
        facilitator.as().get("/api/rooms/" + room + "/exercise").then().statusCode(200)
                .body("notReacted.find { it.injectId == 'kickoff' }.roles", equalTo(List.of("incident_commander")));
    }

    @Test
    void aPlayer_neverSeesAnUpcomingImprovisedInject_overRestOrTheSocket() {
        try (WsClient ws = WsClient.connect(legal, room, null)) {
            ws.next("welcome");
            improvise();
            // The sentinel: an inject for legal, delivered after every change. Nothing of the changes may come before it.
            Api.accepted(facilitator, room, "exercise.inject", Map.of("injectId", "legal-brief"));
            JsonNode first = ws.next("event");
            assertEquals("inject.delivered", first.path("kind").asText());
            assertEquals("Counsel wants a call in ten minutes.", first.path("data").path("body").asText());
        }
        List<String> kinds = Api.events(legal, room).stream().map(e -> (String) e.get("kind")).toList();
        IMPROVISATION.forEach(kind -> assertFalse(kinds.contains(kind), "legal read " + kind));
        assertEquals(4, Api.events(facilitator, room, IMPROVISATION.toArray(String[]::new)).size());
        legal.as().get("/api/rooms/" + room + "/exercise").then().statusCode(200)
                .body("injects", hasSize(1))
                .body("injects[0].id", equalTo("legal-brief"))
                .body("injects[0].improvised", nullValue());
        String snapshot = legal.as().get("/api/rooms/" + room).then().statusCode(200).extract().asString();
        assertFalse(snapshot.contains("press-call") || snapshot.contains("A journalist calls legal"), snapshot);
    }

    @Test
    void theReport_listsWhatWasImprovised_forTheFacilitator() {
        improvise();
        Api.accepted(facilitator, room, "exercise.end", Map.of());
        facilitator.as().get("/api/rooms/" + room + "/report?format=json").then().statusCode(200)
                .body("improvised.change", equalTo(List.of("added", "edited", "dropped", "moved")))
                .body("improvised[0].injectId", equalTo("press-call"))
                .body("improvised[3].atMs", equalTo((int) (8 * MIN)));
        String markdown = facilitator.as().get("/api/rooms/" + room + "/report?format=markdown").then().statusCode(200).extract().asString();
        assertTrue(markdown.contains("## Improvised during play"), markdown);
        Api.accepted(facilitator, room, "report.release", Map.of());
        legal.as().get("/api/rooms/" + room + "/report?format=json").then().statusCode(200).body("improvised", nullValue());
        Api.command(facilitator, room, "inject.drop", Map.of("injectId", "notify-yes")).then().statusCode(409);
    }
}
