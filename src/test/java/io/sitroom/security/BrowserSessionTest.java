package io.sitroom.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.sitroom.testing.Api;
import io.sitroom.testing.WsClient;

/** The web app's browser session: its token in an HttpOnly cookie, and the cross-site requests refused with it. */
@QuarkusTest
class BrowserSessionTest {

    private static final String OTHER_SITE = "https://evil.example";

    private static String ownOrigin() {
        return "http://localhost:" + RestAssured.port;
    }

    /** A request as the web app sends it: the session header, the page's own Origin. */
    private static RequestSpecification asWebApp() {
        return given().header(BrowserSession.HEADER, BrowserSession.HEADER_VALUE).header("Origin", ownOrigin()).contentType(ContentType.JSON);
    }

    /** Signs a new account in as the web app does; returns the session cookie's value (the token). */
    private static String browserSignIn(Api.User user) {
        Response answer = asWebApp().body(Map.of("username", user.username(), "password", "password-" + user.username()))
                .post("/api/auth/login");
        answer.then().statusCode(200).body("token", nullValue()).body("user.id", equalTo(user.id().toString()))
                .header("Cache-Control", "no-store");
        String setCookie = answer.header("Set-Cookie");
        assertTrue(setCookie.startsWith(BrowserSession.PLAIN_NAME + "="), setCookie);
        String lower = setCookie.toLowerCase();
        assertTrue(lower.contains("httponly") && lower.contains("samesite=strict") && lower.contains("path=/"), setCookie);
        assertTrue(!lower.contains("max-age") && !lower.contains("expires"), "ends with the browser session: " + setCookie);
        return answer.cookie(BrowserSession.PLAIN_NAME);
    }

    private static RequestSpecification withCookie(String token) {
        return given().cookie(BrowserSession.PLAIN_NAME, token).contentType(ContentType.JSON);
    }

    @Test
    void browserSignIn_putsTheTokenInAnHttpOnlyCookie_notTheBody_andTheCookieSignsRequestsIn() {
        Api.User user = Api.newUser("Cookie Carla");
        String token = browserSignIn(user);
        withCookie(token).get("/api/rooms").then().statusCode(200);
        withCookie(token).get("/api/auth/session").then().statusCode(200)
                .body("user.id", equalTo(user.id().toString())).body("expiresAt", org.hamcrest.Matchers.notNullValue())
                .body("token", nullValue()).body("roomId", nullValue());
        // The same token still works as a bearer token (the cookie is only how the browser carries it).
        given().auth().oauth2(token).get("/api/auth/session").then().statusCode(200).body("user.id", equalTo(user.id().toString()));
    }

    @Test
    void aCrossSiteStateChangingRequest_withTheCookie_butWithoutTheProof_isRefused403() {
        Api.User user = Api.newUser("Cookie Carl");
        String token = browserSignIn(user);
        Map<String, String> incident = Map.of("kind", "INCIDENT", "title", "Made by another site", "severity", "SEV3");

        // What a form or fetch of another site can send: the cookie, its own Origin, no custom header.
        withCookie(token).header("Origin", OTHER_SITE).body(incident).post("/api/rooms").then().statusCode(403)
                .body("error.code", equalTo("forbidden")).body("error.message", containsString(BrowserSession.HEADER));
        withCookie(token).body(incident).post("/api/rooms").then().statusCode(403);
        withCookie(token).post("/api/auth/logout").then().statusCode(403);
        // The header from another origin (a CORS preflight this server never approves would be needed) is refused too.
        withCookie(token).header(BrowserSession.HEADER, BrowserSession.HEADER_VALUE).header("Origin", OTHER_SITE).body(incident)
                .post("/api/rooms").then().statusCode(403);
        given().auth().oauth2(token).get("/api/rooms").then().statusCode(200).body("title", not(org.hamcrest.Matchers.hasItem("Made by another site")));

        // The web app's own request goes through.
        withCookie(token).header(BrowserSession.HEADER, BrowserSession.HEADER_VALUE).header("Origin", ownOrigin()).body(incident)
                .post("/api/rooms").then().statusCode(201);
        // A bearer client needs no proof, even if it also sends a cookie.
        withCookie(token).auth().oauth2(token).body(incident).post("/api/rooms").then().statusCode(201);
    }

    @Test
    void aSignInFromAnotherSite_askingForABrowserSession_isRefused_andSetsNoCookie() {
        Api.User user = Api.newUser("Cookie Cleo");
        given().header(BrowserSession.HEADER, BrowserSession.HEADER_VALUE).header("Origin", OTHER_SITE).contentType(ContentType.JSON)
                .body(Map.of("username", user.username(), "password", "password-" + user.username()))
                .post("/api/auth/login").then().statusCode(403).header("Set-Cookie", nullValue());
    }

    @Test
    void signingOut_revokesTheTokenOnTheServer_andDeletesTheCookie() {
        Api.User user = Api.newUser("Cookie Cora");
        String token = browserSignIn(user);
        Response out = withCookie(token).header(BrowserSession.HEADER, BrowserSession.HEADER_VALUE).header("Origin", ownOrigin())
                .post("/api/auth/logout");
        out.then().statusCode(204);
        List<String> cleared = out.headers().getValues("Set-Cookie");
        assertTrue(cleared.stream().anyMatch(c -> c.startsWith(BrowserSession.PLAIN_NAME + "=;") && c.toLowerCase().contains("max-age=0")),
                cleared.toString());
        // Every tab's next request (the same cookie, had the browser kept it) and any copy of the token are refused.
        withCookie(token).get("/api/rooms").then().statusCode(401);
        given().auth().oauth2(token).get("/api/rooms").then().statusCode(401);
    }

    @Test
    void aStaleCookie_doesNotStandInTheWayOfSigningInAgain() {
        Api.User user = Api.newUser("Cookie Cato");
        String token = browserSignIn(user);
        given().auth().oauth2(token).post("/api/auth/logout").then().statusCode(204);
        withCookie(token).header(BrowserSession.HEADER, BrowserSession.HEADER_VALUE).header("Origin", ownOrigin())
                .body(Map.of("username", user.username(), "password", "password-" + user.username()))
                .post("/api/auth/login").then().statusCode(200);
    }

    @Test
    void aSecondSignInInTheSameBrowser_endsTheFirst() {
        Api.User first = Api.newUser("Cookie First");
        Api.User second = Api.newUser("Cookie Second");
        String firstToken = browserSignIn(first);
        String secondToken = withCookie(firstToken).header(BrowserSession.HEADER, BrowserSession.HEADER_VALUE).header("Origin", ownOrigin())
                .body(Map.of("username", second.username(), "password", "password-" + second.username()))
                .post("/api/auth/login").then().statusCode(200).extract().cookie(BrowserSession.PLAIN_NAME);
        given().auth().oauth2(firstToken).get("/api/rooms").then().statusCode(401);
        withCookie(secondToken).get("/api/auth/session").then().statusCode(200).body("user.id", equalTo(second.id().toString()));
    }

    @Test
    void aGuestJoiningInABrowser_getsTheCookie_andTheSessionNamesTheirRoom() {
        Api.User lead = Api.newUser("Cookie Lead");
        UUID room = Api.newIncident(lead, "Guests by cookie");
        String code = Api.invite(lead, room, "observer");
        Response joined = asWebApp().body(Map.of("code", code, "displayName", "Guest Gil")).post("/api/auth/join");
        joined.then().statusCode(200).body("token", nullValue()).body("roomId", equalTo(room.toString())).body("role", equalTo("observer"));
        String token = joined.cookie(BrowserSession.PLAIN_NAME);
        withCookie(token).get("/api/auth/session").then().statusCode(200).body("roomId", equalTo(room.toString()))
                .body("user.displayName", equalTo("Guest Gil"));
        withCookie(token).get("/api/rooms/" + room).then().statusCode(200);
        // Without the header the API client's answer is unchanged: the token in the body, no cookie.
        given().contentType(ContentType.JSON).body(Map.of("code", code, "displayName", "Guest Gia")).post("/api/auth/join")
                .then().statusCode(200).body("token", org.hamcrest.Matchers.notNullValue()).header("Set-Cookie", nullValue());
    }

    @Test
    void theCookieAlone_opensNoWebSocket_theWebAppUsesATicket() {
        Api.User user = Api.newUser("Cookie Cosmo");
        UUID room = Api.newIncident(user, "Sockets by ticket");
        String token = browserSignIn(user);
        assertEquals(401, upgradeWithCookie(WsClient.roomUri(room, null), token));
        String ticket = withCookie(token).header(BrowserSession.HEADER, BrowserSession.HEADER_VALUE).header("Origin", ownOrigin())
                .post("/api/ws-ticket").then().statusCode(200).extract().path("ticket");
        assertEquals(101, WsClient.upgradeStatus(WsClient.roomUri(room, "ticket=" + ticket), null, ownOrigin()));
    }

    private static int upgradeWithCookie(URI uri, String token) {
        try {
            WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                    .header("Cookie", BrowserSession.PLAIN_NAME + "=" + token).header("Origin", ownOrigin())
                    .buildAsync(uri, new WebSocket.Listener() {
                    }).join();
            ws.abort();
            return 101;
        } catch (CompletionException e) {
            if (e.getCause() instanceof java.net.http.WebSocketHandshakeException handshake) {
                return handshake.getResponse().statusCode();
            }
            throw e;
        }
    }
}
