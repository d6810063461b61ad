package io.sitroom.chat;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** With no chat platform configured (the default), every chat endpoint says so with 404, whatever it is sent. */
@QuarkusTest
class ChatUnconfiguredTest {

    @Test
    void everyPlatformsEndpoint_is404_withWhatToConfigure() {
        for (String path : new String[] { "/api/chat/slack/commands", "/api/chat/slack/interactions", "/api/chat/slack/events" }) {
            given().contentType(ChatClient.FORM).body("team_id=T1&user_id=U1&trigger_id=t&text=status").post(path).then().statusCode(404)
                    .body("error.message", containsString("sitroom.chat.slack.signing-secret"));
        }
        given().contentType(ChatClient.FORM).body("token=x&team_id=T1&user_id=U1&trigger_id=t").post("/api/chat/mattermost/commands").then()
                .statusCode(404).body("error.message", containsString("sitroom.chat.mattermost.command-token"));
        given().contentType("application/json").body("{}").post("/api/chat/mattermost/actions").then().statusCode(404);
        given().contentType("application/json").header("Authorization", "HMAC eA==").body("{}").post("/api/chat/teams/messages").then()
                .statusCode(404).body("error.message", containsString("sitroom.chat.teams.webhook-secret"));
    }
}
