package io.sitroom.exercise;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
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
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;
import io.sitroom.testing.WsClient;

/**
 * Media injects in play (issue 18, item 4): a player receives an inject's medium with it, over REST and
 * the socket, and an inject for one role never reaches another role's player, medium or not.
 */
@QuarkusTest
class InjectMediumFlowTest {

    @Inject
    MutableClock clock;

    String scenarioId;
    User facilitator;
    UUID room;
    User ic;
    User comms;

    /** The linter's example with a news article to the IC at the start and a social post to comms by hand. */
    private static String scenario(String id) {
        return ScenarioLinterTest.VALID.replace("id: example-phishing", "id: " + id)
                .replace("""
                            facilitatorNotes: Expect a containment lead at once.
                        """, """
                            facilitatorNotes: Expect a containment lead at once.
                            medium:
                              kind: news
                              outlet: The Ledger
                              headline: Invoice fraud hits local firm
                        """)
                .replace("""
                            body: A reporter has the invoice.
                        """, """
                            body: "Is @example paying scammers now? #fraud"
                            medium:
                              kind: social
                              author: Quinn Leaker
                              handle: "@qleaks"
                              likes: 4200
                              shares: 910
                        """);
    }

    @BeforeEach
    void setUp() {
        clock.freeze();
        facilitator = Api.newUser("Fran Facilitator");
        scenarioId = "media-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(facilitator.token()).contentType("application/yaml").body(scenario(scenarioId).getBytes(StandardCharsets.UTF_8))
                .post("/api/scenarios").then().statusCode(201);
        room = Api.newExercise(facilitator, scenarioId);
        ic = Api.join(Api.invite(facilitator, room, "incident_commander"), "Ian Player");
        comms = Api.join(Api.invite(facilitator, room, "comms_approver"), "Cora Player");
    }

    @AfterEach
    void tearDown() {
        clock.unfreeze();
    }

    private static Map<?, ?> delivered(User user, UUID room, String injectId) {
        return Api.events(user, room, "inject.delivered").stream().map(e -> (Map<?, ?>) e.get("data"))
                .filter(d -> injectId.equals(d.get("injectId"))).findFirst().orElse(null);
    }

    private static JsonNode nextDelivery(WsClient ws) {
        return ws.nextMatching(f -> "event".equals(f.path("type").asText()) && "inject.delivered".equals(f.path("kind").asText()));
    }

    @Test
    void aScenarioMediumInject_reachesItsRoleWithItsMedium_andNeverAnotherRole_overRestOrTheSocket() {
        try (WsClient icSocket = WsClient.connect(ic, room, null); WsClient commsSocket = WsClient.connect(comms, room, null)) {
            icSocket.next("welcome");
            commsSocket.next("welcome");
            Api.accepted(facilitator, room, "exercise.start", Map.of("speed", 1000));
            JsonNode news = nextDelivery(icSocket);
            assertEquals("report", news.path("data").path("injectId").asText());
            assertEquals("news", news.path("data").path("medium").path("kind").asText());
            assertEquals("The Ledger", news.path("data").path("medium").path("outlet").asText());

            Api.accepted(facilitator, room, "exercise.inject", Map.of("injectId", "curveball"));
            JsonNode post = nextDelivery(commsSocket);
            assertEquals("curveball", post.path("data").path("injectId").asText(), "the IC's article is not comms'");
            assertEquals("qleaks", post.path("data").path("medium").path("handle").asText());
            assertEquals(4200, post.path("data").path("medium").path("likes").asInt());

            // The sentinel: an inject for the IC, delivered after comms' post. The post may not come before it.
            Api.accepted(facilitator, room, "exercise.inject", Map.of("injectId", "escalation"));
            assertEquals("escalation", nextDelivery(icSocket).path("data").path("injectId").asText());
        }
        assertNull(delivered(ic, room, "curveball"));
        assertNull(delivered(comms, room, "report"));
        ic.as().get("/api/rooms/" + room + "/exercise").then().statusCode(200)
                .body("injects.id", equalTo(List.of("report", "escalation")))
                .body("injects[0].medium.kind", equalTo("news"))
                .body("injects[0].medium.headline", equalTo("Invoice fraud hits local firm"));
        comms.as().get("/api/rooms/" + room + "/exercise").then().statusCode(200)
                .body("injects", hasSize(1))
                .body("injects[0].medium.kind", equalTo("social"))
                .body("injects[0].medium.shares", equalTo(910));
        String icSnapshot = ic.as().get("/api/rooms/" + room).then().statusCode(200).extract().asString();
        assertFalse(icSnapshot.contains("qleaks") || icSnapshot.contains("Quinn Leaker"), icSnapshot);
        String commsSnapshot = comms.as().get("/api/rooms/" + room).then().statusCode(200).extract().asString();
        assertFalse(commsSnapshot.contains("The Ledger"), commsSnapshot);
        facilitator.as().get("/api/rooms/" + room + "/exercise").then().statusCode(200)
                .body("injects.find { it.id == 'curveball' }.medium.author", equalTo("Quinn Leaker"));
    }

    @Test
    void anImprovisedInject_carriesItsMedium_andAnEditReplacesIt() {
        Api.accepted(facilitator, room, "exercise.start", Map.of("speed", 1000));
        Api.accepted(facilitator, room, "inject.add", Map.of("injectId", "leak-mail", "title", "A mail from the attacker",
                "body", "Pay or we publish.", "to", List.of("comms_approver"),
                "medium", Map.of("kind", "document", "title", "Ransom note")));
        Api.accepted(facilitator, room, "inject.edit", Map.of("injectId", "leak-mail", "medium",
                Map.of("kind", "email", "from", "x@attacker.example", "to", List.of("press@example.com"), "subject", "Your data")));
        Api.accepted(facilitator, room, "exercise.inject", Map.of("injectId", "leak-mail"));
        Map<?, ?> medium = (Map<?, ?>) delivered(comms, room, "leak-mail").get("medium");
        assertEquals(Map.of("kind", "email", "from", "x@attacker.example", "to", List.of("press@example.com"), "subject", "Your data"), medium);
        assertNull(delivered(ic, room, "leak-mail"));
        comms.as().get("/api/rooms/" + room + "/exercise").then().statusCode(200)
                .body("injects.find { it.id == 'leak-mail' }.medium.subject", equalTo("Your data"));
    }

    @Test
    void aBadMedium_isRefusedAsInvalid_namingTheField() {
        Api.command(facilitator, room, "inject.add", Map.of("title", "x", "body", "y", "to", List.of("comms_approver"),
                "medium", Map.of("kind", "social", "author", "Jo", "handle", "jo", "likes", -1, "shares", 0)))
                .then().statusCode(400).body("error.code", equalTo("invalid")).body("error.message", containsString("medium.likes"));
        Api.command(facilitator, room, "inject.add", Map.of("title", "x", "body", "y", "to", List.of("comms_approver"),
                "medium", Map.of("kind", "fax")))
                .then().statusCode(400).body("error.code", equalTo("invalid"));
        Api.command(facilitator, room, "inject.add", Map.of("title", "x", "body", "y", "to", List.of("comms_approver"),
                "medium", Map.of("kind", "news", "outlet", "The Ledger")))
                .then().statusCode(400).body("error.message", containsString("medium.headline"));
    }
}
