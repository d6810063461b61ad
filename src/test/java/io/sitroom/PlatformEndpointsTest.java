package io.sitroom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PlatformEndpointsTest {

    @Test
    void health_isUp_withTheDatabase() {
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void openApi_describesTheRoomsApi() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/rooms/{id}/commands"));
    }

    @Test
    void prometheusMetrics_areExposed() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_"));
    }
}
