package io.sitroom.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.sitroom.testing.Api;

/** The platform's endpoints as a production node serves them (tests and dev mode leave them open). */
@QuarkusTest
@TestProfile(ProductionLike.class)
class PlatformSurfaceTest {

    private static final String METRICS_TOKEN = ProductionLike.METRICS_TOKEN;

    @Test
    void health_staysOpen() {
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void metrics_areForTheMetricsToken_orTheAdmin() {
        given().get("/q/metrics").then().statusCode(401);
        Api.newUser("Mallory").as().get("/q/metrics").then().statusCode(403);
        given().auth().oauth2("not-the-metrics-token").get("/q/metrics").then().statusCode(401);
        given().auth().oauth2(METRICS_TOKEN).get("/q/metrics").then().statusCode(200).body(containsString("jvm_"));
        given().auth().oauth2(Api.adminToken()).get("/q/metrics").then().statusCode(200);
    }

    @Test
    void theMetricsToken_opensNothingElse() {
        given().auth().oauth2(METRICS_TOKEN).get("/api/rooms").then().statusCode(401);
        given().auth().oauth2(METRICS_TOKEN).get("/q/openapi").then().statusCode(401);
        given().auth().oauth2(METRICS_TOKEN).post("/api/ws-ticket").then().statusCode(401);
    }

    @Test
    void openApiAndSwaggerUi_areForTheAdmin() {
        given().get("/q/openapi").then().statusCode(401);
        given().get("/q/swagger-ui/").then().statusCode(401);
        Api.newUser("Mallory").as().get("/q/openapi").then().statusCode(403);
        given().auth().oauth2(Api.adminToken()).get("/q/openapi").then().statusCode(200).body(containsString("/api/rooms/{id}/commands"));
    }
}
