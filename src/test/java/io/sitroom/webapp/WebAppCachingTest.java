package io.sitroom.webapp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;

/** Text answers are compressed when the client accepts it (the web app's own rules: WebAppCachingIT, on the packaged app). */
@QuarkusTest
class WebAppCachingTest {

    /** rest-assured leaves the body as sent: the test sees the Content-Encoding the server chose. */
    private static final RestAssuredConfig RAW = RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());

    @Test
    void jsonAndExports_areCompressedWhenAccepted_andNotCachedAsAssets() {
        User user = Api.newUser("Gia");
        UUID room = Api.newIncident(user, "Compressed");
        given().config(RAW).auth().oauth2(user.token()).header("Accept-Encoding", "gzip").get("/api/rooms/" + room + "/events")
                .then().statusCode(200).header("Content-Encoding", "gzip");
        Response export = given().config(RAW).auth().oauth2(user.token()).header("Accept-Encoding", "gzip")
                .get("/api/rooms/" + room + "/export?format=markdown");
        export.then().statusCode(200).header("Content-Encoding", "gzip");
        given().auth().oauth2(user.token()).get("/api/rooms/" + room).then().statusCode(200)
                .header("Cache-Control", org.hamcrest.Matchers.not(equalTo("public, max-age=31536000, immutable")));
    }

}
