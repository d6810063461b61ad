package io.sitroom.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;
import io.sitroom.testing.WsClient;

/** Readiness is the node's own state with its socket count; the database is a group of its own. */
@QuarkusTest
class HealthTest {

    @Test
    void readiness_isUp_withTheNodesSocketCount_andDoesNotAskTheDatabase() {
        User user = Api.newUser("Hana");
        UUID room = Api.newIncident(user, "Counted");
        try (WsClient socket = WsClient.connect(user, room, null)) {
            socket.next("welcome");
            given().get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'sitroom-node' }.status", equalTo("UP"))
                    .body("checks.find { it.name == 'sitroom-node' }.data.sockets", greaterThanOrEqualTo(1))
                    .body("checks.find { it.name == 'sitroom-node' }.data.draining", equalTo(false))
                    .body("checks.name", not(hasItem("Database connections health check")));
        }
    }

    @Test
    void theDatabaseGroup_saysWhetherTheDatabaseAnswers_andLivenessIsUp() {
        given().get("/q/health/group/database").then().statusCode(200).body("checks.find { it.name == 'database' }.status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}
