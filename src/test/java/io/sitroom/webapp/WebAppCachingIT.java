package io.sitroom.webapp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.sitroom.testing.AppProcess;

/**
 * The packaged app's web app (the tests' Quarkus does not serve it): its pages are revalidated on every load (so a
 * browser that had the last build gets this one on reload), its hashed assets kept a year, and both compressed.
 */
class WebAppCachingIT {

    /** rest-assured leaves the body as sent: the test sees the Content-Encoding the server chose. */
    private static final RestAssuredConfig RAW = RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());
    private static AppProcess app;

    @BeforeAll
    static void start() throws Exception {
        AppProcess.emptyDatabase();
        app = new AppProcess();
        app.start();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        app.close();
    }

    private static RequestSpecification web() {
        return given().baseUri(app.baseUrl());
    }

    @Test
    void thePage_isNeverUsedWithoutAsking_andAnswers304ToItsETag() {
        Response page = web().get("/");
        page.then().statusCode(200).header("Cache-Control", "no-cache");
        String tag = page.header("ETag");
        assertNotNull(tag, "the page has an ETag");
        web().header("If-None-Match", tag).get("/").then().statusCode(304).header("ETag", tag).header("Cache-Control", "no-cache");
        // A path the client-side router owns is the same page, with the same rules.
        web().get("/rooms/" + UUID.randomUUID()).then().statusCode(200).header("Cache-Control", "no-cache").header("ETag", tag);
        web().header("If-None-Match", "\"an-older-build\"").get("/").then().statusCode(200).header("ETag", tag);
    }

    @Test
    void hashedAssets_areImmutableForAYear_andCompressedWhenAccepted() {
        String script = assetOfPage("\\.js");
        web().get(script).then().statusCode(200).header("Cache-Control", "public, max-age=31536000, immutable");
        web().config(RAW).header("Accept-Encoding", "gzip").get(script).then().statusCode(200).header("Content-Encoding", "gzip");
        web().config(RAW).header("Accept-Encoding", "br").get(script).then().statusCode(200).header("Content-Encoding", "br");
        web().config(RAW).header("Accept-Encoding", "gzip").get(assetOfPage("\\.css")).then().statusCode(200)
                .header("Content-Encoding", "gzip");
        web().config(RAW).get(script).then().statusCode(200).header("Content-Encoding", nullValue());
    }

    private static String assetOfPage(String suffix) {
        String page = web().get("/").then().statusCode(200).extract().asString();
        Matcher asset = Pattern.compile("/assets/[^\"]+" + suffix).matcher(page);
        assertTrue(asset.find(), "the page names an asset ending " + suffix + ": " + page);
        return asset.group();
    }
}
