package io.sitroom.exercise;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;

/** Scenarios in the app: shipped ones served from the jar's class path, uploads validated, versioned, and pinned by exercises. */
@QuarkusTest
class ScenarioUploadTest {

    static String drill(String id, String title) throws Exception {
        return Files.readString(Path.of("src/test/resources/test-scenarios/test-drill.yaml"))
                .replace("id: test-drill", "id: " + id).replace("title: Test drill", "title: " + title);
    }

    static ValidatableResponse upload(String token, String yaml) {
        return given().auth().oauth2(token).contentType("application/yaml").body(yaml.getBytes(StandardCharsets.UTF_8))
                .post("/api/scenarios").then();
    }

    @Test
    void theShippedScenarios_areServedFromTheClassPath_asVersionZero() {
        User user = Api.newUser("Lib");
        given().auth().oauth2(user.token()).get("/api/scenarios").then().statusCode(200)
                .body("id", hasItems("ransomware-friday-night", "leaked-cloud-key", "saas-vendor-breach", "ddos-extortion-launch",
                        "insider-departing-employee", "compromised-dependency-pipeline", "test-drill"))
                .body("find { it.id == 'leaked-cloud-key' }.source", equalTo("bundled"))
                .body("find { it.id == 'leaked-cloud-key' }.version", equalTo(0))
                .body("find { it.id == 'test-drill' }.source", equalTo("folder"));
    }

    @Test
    void anUpload_becomesVersionOne_thenTwo_andAnExerciseKeepsTheVersionItCopied() throws Exception {
        User facilitator = Api.newUser("Fay");
        String id = "upload-" + UUID.randomUUID().toString().substring(0, 8);
        upload(facilitator.token(), drill(id, "First draft")).statusCode(201).body("id", equalTo(id)).body("version", equalTo(1))
                .body("title", equalTo("First draft"));
        UUID early = Api.newExercise(facilitator, id);

        upload(facilitator.token(), drill(id, "Second draft")).statusCode(201).body("version", equalTo(2));
        given().auth().oauth2(facilitator.token()).get("/api/scenarios").then()
                .body("find { it.id == '" + id + "' }.title", equalTo("Second draft"))
                .body("find { it.id == '" + id + "' }.version", equalTo(2))
                .body("find { it.id == '" + id + "' }.source", equalTo("upload"));
        given().auth().oauth2(facilitator.token()).get("/api/scenarios/" + id + "?version=1").then().statusCode(200)
                .body("title", equalTo("First draft"));
        given().auth().oauth2(facilitator.token()).get("/api/scenarios/" + id + "/versions").then().statusCode(200)
                .body("version", equalTo(java.util.List.of(1, 2))).body("uploadedBy", hasItem(facilitator.id().toString()));

        // The exercise created before the second upload plays the first; one created after, the second.
        given().auth().oauth2(facilitator.token()).get("/api/rooms/" + early + "/exercise").then().statusCode(200)
                .body("title", equalTo("First draft"));
        UUID late = Api.newExercise(facilitator, id);
        given().auth().oauth2(facilitator.token()).get("/api/rooms/" + late + "/exercise").then().statusCode(200)
                .body("title", equalTo("Second draft"));
        assertEquals(1, versionOf(early));
        assertEquals(2, versionOf(late));
    }

    static Integer versionOf(UUID roomId) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> Exercise.<Exercise> findById(roomId).scenarioVersion);
    }

    @Test
    void anUploadWithErrors_isRefusedWithEveryErrorAndItsLine_andNothingIsStored() throws Exception {
        User facilitator = Api.newUser("Fay");
        String id = "broken-" + UUID.randomUUID().toString().substring(0, 8);
        String broken = drill(id, "Broken").replace("to: [incident_commander]", "to: [janitor]").replace("within: 10m", "within: soon");
        upload(facilitator.token(), broken).statusCode(400).body("error.code", equalTo("invalid"))
                .body("error.message", containsString("error(s)")).body("error.errors", hasSize(greaterThan(1)))
                .body("error.errors[0].line", greaterThan(1)).body("error.errors.path", hasItem(containsString("injects[0]")));
        given().auth().oauth2(facilitator.token()).get("/api/scenarios/" + id).then().statusCode(404);
        upload(facilitator.token(), "").statusCode(400).body("error.code", equalTo("invalid"));
    }

    @Test
    void aGuest_mayNotUpload_norStartAnExercise() throws Exception {
        User facilitator = Api.newUser("Fay");
        UUID room = Api.newExercise(facilitator, "test-drill");
        User guest = Api.join(Api.invite(facilitator, room, "legal"), "Gus Guest");
        String id = "guest-" + UUID.randomUUID().toString().substring(0, 8);
        upload(guest.token(), drill(id, "By a guest")).statusCode(403);
        // The same authority as creating (and so facilitating) an exercise:
        given().auth().oauth2(guest.token()).contentType("application/json")
                .body(java.util.Map.of("kind", "EXERCISE", "title", "Mine", "scenarioId", "test-drill")).post("/api/rooms").then()
                .statusCode(403);
        given().auth().oauth2(facilitator.token()).get("/api/scenarios/" + id).then().statusCode(404);
        upload("not-a-token", drill(id, "Nobody")).statusCode(401);
    }
}
