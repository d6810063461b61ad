package io.sitroom.exercise;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
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

/** Whole exercises at 1000x on a frozen clock: the test drill with a report, and every shipped scenario. */
@QuarkusTest
class ReportAndPlaythroughTest {

    @Inject
    MutableClock clock;

    @Inject
    Timers timers;

    @BeforeEach
    void freeze() {
        clock.freeze();
    }

    @AfterEach
    void unfreeze() {
        clock.unfreeze();
    }

    private void play(Duration scenarioTime) {
        clock.advance(scenarioTime.dividedBy(1000));
        timers.fireDue();
    }

    @Test
    void report_ratesObjectives_namesGaps_andItsPlanBecomesActions() {
        User facilitator = Api.newUser("Fran");
        UUID room = Api.newExercise(facilitator, "test-drill");
        User ic = Api.join(Api.invite(facilitator, room, "incident_commander"), "Ian");
        User legal = Api.join(Api.invite(facilitator, room, "legal"), "Lee");
        User lead = Api.join(Api.invite(facilitator, room, "participant"), "Ed");
        Api.accepted(facilitator, room, "exercise.start", Map.of("speed", 1000));
        Api.accepted(ic, room, "role.assign", Map.of("userId", lead.id().toString(), "role", "containment_lead"));
        play(Duration.ofMinutes(30));
        Api.accepted(ic, room, "decision.propose", Map.of("title", "Notify the regulator", "choice", "notify",
                "rationale", "data", "approvers", List.of("incident_commander")));
        play(Duration.ofMinutes(30));
        Api.accepted(facilitator, room, "exercise.end", Map.of());

        facilitator.as().get("/api/rooms/" + room + "/report?format=json").then().statusCode(200)
                .body("objectives.find { it.id == 'lead' }.rating", equalTo("P"))
                .body("objectives.find { it.id == 'inform' }.rating", equalTo("U"))
                .body("objectives.find { it.id == 'decide' }.rating", equalTo("U"))
                .body("gaps.kind", hasItem("authority"))
                .body("gaps.kind", hasItem("evidence"))
                .body("gaps.kind", hasItem("escalation"))
                .body("whoKnewWhat.find { it.role == 'legal' }.injects.injectId", hasItem("legal-brief"));
        facilitator.as().get("/api/rooms/" + room + "/report").then().statusCode(200)
                .contentType(containsString("text/markdown"))
                .body(containsString("## Objectives"))
                .body(containsString("U (Unable to be performed)"))
                .body(containsString("without the required approver(s) legal"));
        legal.as().get("/api/rooms/" + room + "/report").then().statusCode(403);

        List<Map<String, Object>> created = facilitator.as().post("/api/rooms/" + room + "/report/actions").then().statusCode(200)
                .body("result.ok", everyItem(equalTo(true))).extract().jsonPath().getList("$");
        facilitator.as().post("/api/rooms/" + room + "/report/actions").then().statusCode(200);
        facilitator.as().get("/api/rooms/" + room + "/actions").then()
                .body("size()", equalTo(created.size()))
                .body("owner.role", hasItem("incident_commander"));
    }

    @Test
    void everyShippedScenario_playsToTheEnd_withEveryTimedInjectOnce() throws Exception {
        for (Path file : ScenarioCatalog.files(Path.of("scenarios"))) {
            String id = file.getFileName().toString().replace(".yaml", "");
            Scenario scenario = ScenarioParser.parse(file.toString(), java.nio.file.Files.readString(file)).scenario();
            User facilitator = Api.newUser("Fran");
            UUID room = Api.newExercise(facilitator, id);
            for (var role : scenario.roles()) {
                Api.join(Api.invite(facilitator, room, role.wire()), "Player " + role.wire());
            }
            Api.accepted(facilitator, room, "exercise.start", Map.of("speed", 1000));
            play(scenario.duration() == null ? Duration.ofHours(3) : scenario.duration().plusHours(1));

            List<String> delivered = Api.events(facilitator, room, "inject.delivered").stream()
                    .map(e -> (String) ((Map<?, ?>) e.get("data")).get("injectId")).toList();
            assertEquals(delivered.stream().distinct().toList(), delivered, id + ": no inject twice");
            scenario.injects().stream().filter(i -> i.timing() instanceof Scenario.Timing.At)
                    .forEach(i -> assertTrue(delivered.contains(i.id()), id + ": " + i.id() + " was delivered"));
            assertTrue(scenario.injects().stream().anyMatch(i -> i.timing() instanceof Scenario.Timing.When w
                    && w.condition() instanceof Scenario.Condition.ExpectationMissed && delivered.contains(i.id())),
                    id + ": nobody acted, so an escalation inject came");
            facilitator.as().get("/api/rooms/" + room + "/exercise").then().statusCode(200)
                    .body("expectations.status", everyItem(org.hamcrest.Matchers.anyOf(equalTo("missed"), equalTo("not_started"))));
            facilitator.as().get("/api/rooms/" + room + "/report?format=json").then().statusCode(200)
                    .body("objectives.rating", everyItem(org.hamcrest.Matchers.anyOf(equalTo("U"), org.hamcrest.Matchers.nullValue())));
        }
    }
}
