package io.sitroom.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.sitroom.audit.AuditEntry;
import io.sitroom.error.ErrorCode;
import io.sitroom.error.SitroomException;
import io.sitroom.testing.Api;
import io.sitroom.testing.LocalOidcIssuer;
import io.sitroom.testing.LocalOidcIssuer.Person;
import io.sitroom.testing.LocalOidcIssuer.Tamper;
import io.sitroom.testing.WsClient;

/**
 * Company sign-in against a local OpenID Connect issuer ({@link LocalOidcIssuer}), driven as a browser would:
 * a plain HTTP client with a cookie jar that follows no redirect by itself.
 */
@QuarkusTest
@WithTestResource(LocalOidcIssuer.class)
class OidcSignInTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URI app;

    @Inject
    OidcAccounts accounts;

    /** One browser: its cookie jar, and every answer it got on the way. */
    static final class Browser {
        final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        final List<HttpResponse<String>> hops = new ArrayList<>();

        HttpResponse<String> get(URI uri) throws Exception {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            hops.add(response);
            return response;
        }

        /** Follows redirects from {@code start} until an answer that is not one, or one into the web app ({@code /#...}). */
        HttpResponse<String> follow(URI start) throws Exception {
            URI next = start;
            for (int i = 0; i < 10; i++) {
                HttpResponse<String> response = get(next);
                String location = response.headers().firstValue("Location").orElse(null);
                if (response.statusCode() / 100 != 3 || location == null || location.startsWith("/#")) {
                    return response;
                }
                next = next.resolve(location);
            }
            throw new AssertionError("too many redirects");
        }

        List<String> setCookies() {
            return hops.stream().flatMap(r -> r.headers().allValues("Set-Cookie").stream()).toList();
        }
    }

    record SignedIn(String token, String expiresAt, UUID userId, String username, String displayName, Browser browser) {
        Api.User user() {
            return new Api.User(userId, username, displayName, token);
        }
    }

    private static List<AuditEntry> audit(String target) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry> list("target", target));
    }

    private LocalOidcIssuer issuer() {
        return LocalOidcIssuer.current;
    }

    private URI login() {
        return app.resolve("/api/auth/oidc/login");
    }

    /** Signs {@code person} in through the provider and returns what the web app is handed. */
    private SignedIn signIn(Person person) throws Exception {
        issuer().nextSignIn(person);
        Browser browser = new Browser();
        HttpResponse<String> last = browser.follow(login());
        assertEquals(303, last.statusCode(), () -> "the callback redirects into the web app: " + last.statusCode() + " " + last.body());
        String location = last.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith("/#signed-in="), location);
        JsonNode answer = JSON.readTree(URLDecoder.decode(location.substring("/#signed-in=".length()), StandardCharsets.UTF_8));
        // The token is in the browser session's HttpOnly cookie, never in the fragment.
        assertTrue(answer.path("token").isMissingNode(), location);
        String setCookie = last.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(BrowserSession.PLAIN_NAME + "="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + last.headers()));
        assertTrue(setCookie.toLowerCase().contains("httponly") && setCookie.contains("SameSite=Strict"), setCookie);
        String token = browser.cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(BrowserSession.PLAIN_NAME))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
        return new SignedIn(token, answer.path("expiresAt").asText(),
                UUID.fromString(answer.path("user").path("id").asText()), answer.path("user").path("username").asText(),
                answer.path("user").path("displayName").asText(), browser);
    }

    private static Person person(String name, String preferredUsername) {
        return new Person("sub-" + UUID.randomUUID(), name, preferredUsername, preferredUsername + "@example.com");
    }

    @Test
    void status_saysCompanySignInIsOn_withTheProvidersName() {
        given().get("/api/auth/oidc").then().statusCode(200)
                .body("enabled", equalTo(true))
                .body("providerName", equalTo(LocalOidcIssuer.PROVIDER_NAME))
                .body("loginPath", equalTo("/api/auth/oidc/login"));
    }

    @Test
    void login_redirectsToTheIssuer_withStateNoncePkce_andTheCallbackAsRedirectUri() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> response = browser.get(login());
        assertEquals(302, response.statusCode());
        URI authorize = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertTrue(authorize.toString().startsWith(issuer().issuer() + "/authorize?"), authorize.toString());
        assertEquals(LocalOidcIssuer.CLIENT_ID, LocalOidcIssuer.queryParam(authorize, "client_id"));
        assertEquals(app.resolve("/api/auth/oidc/callback").toString(), LocalOidcIssuer.queryParam(authorize, "redirect_uri"));
        assertNotNull(LocalOidcIssuer.queryParam(authorize, "state"));
        assertNotNull(LocalOidcIssuer.queryParam(authorize, "nonce"));
        assertEquals("S256", LocalOidcIssuer.queryParam(authorize, "code_challenge_method"));
        assertTrue(LocalOidcIssuer.queryParam(authorize, "scope").contains("openid"));
        // The state cookie is scoped to company sign-in's paths.
        String stateCookie = browser.setCookies().stream().filter(c -> c.startsWith("q_auth")).findFirst().orElseThrow();
        assertTrue(stateCookie.contains("Path=/api/auth/oidc"), stateCookie);
        assertTrue(stateCookie.toLowerCase().contains("httponly"), stateCookie);
    }

    @Test
    void firstSignIn_createsTheAccount_andItsTokenWorksOnRestAndWebSocket() throws Exception {
        int exchangesBefore = issuer().exchanges().size();
        SignedIn alice = signIn(new Person("sub-" + UUID.randomUUID(), "Alice Example", "alice.example", "alice@example.com"));
        assertEquals("Alice Example", alice.displayName());
        assertTrue(alice.username().startsWith("alice.example"), alice.username());

        // The issuer saw one code exchange, authenticated with the client secret, with a PKCE verifier and a nonce.
        List<LocalOidcIssuer.Exchange> exchanges = issuer().exchanges().subList(exchangesBefore, issuer().exchanges().size());
        assertEquals(1, exchanges.size());
        assertTrue(exchanges.get(0).clientAuthenticated());
        assertTrue(exchanges.get(0).pkceVerified());
        assertNotNull(exchanges.get(0).nonce());

        given().auth().oauth2(alice.token()).get("/api/rooms").then().statusCode(200);
        UUID room = Api.newIncident(alice.user(), "Signed in through the company");
        try (WsClient ws = WsClient.connect(alice.user(), room, null)) {
            JsonNode welcome = ws.next("welcome");
            assertEquals(room.toString(), welcome.path("roomId").asText());
            assertEquals(alice.userId().toString(), welcome.path("you").path("userId").asText());
        }
        assertEquals(101, WsClient.upgradeStatus(WsClient.roomUri(room, "token=" + alice.token()), null));

        // Audited, without the token; the account has no password to sign in with. (Read from the table: other
        // test classes moved their clocks ahead, so their entries may sort as newer in GET /api/audit.)
        List<AuditEntry> audited = audit("user " + alice.userId());
        assertEquals(List.of("auth.oidc_sign_in", "user.create"), audited.stream().map(e -> e.action).sorted().toList());
        assertTrue(audited.stream().noneMatch(e -> e.detail.contains(alice.token())));
        assertTrue(audited.stream().anyMatch(e -> e.action.equals("auth.oidc_sign_in") && e.detail.contains("subject sub-")));
        given().auth().oauth2(Api.adminToken()).get("/api/audit?limit=500").then().statusCode(200)
                .body(not(containsString(alice.token())));
        given().contentType(ContentType.JSON).body(Map.of("username", alice.username(), "password", ""))
                .post("/api/auth/login").then().statusCode(401);

        // Signing out revokes it as any token.
        given().auth().oauth2(alice.token()).post("/api/auth/logout").then().statusCode(204);
        given().auth().oauth2(alice.token()).get("/api/rooms").then().statusCode(401);
    }

    @Test
    void theWebAppsClientState_comesBackInTheFragment_afterTheProvidersRoundTrip() throws Exception {
        issuer().nextSignIn(person("Sam State", "sam"));
        String state = "st" + UUID.randomUUID().toString().replace("-", "");
        HttpResponse<String> last = new Browser().follow(app.resolve("/api/auth/oidc/login?clientState=" + state));
        assertEquals(303, last.statusCode(), () -> last.statusCode() + " " + last.headers());
        String location = last.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith("/#signed-in="), location);
        assertTrue(location.endsWith("&state=" + state), location);
        assertEquals("no-store", last.headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    void aMalformedClientState_isRefused() throws Exception {
        issuer().nextSignIn(person("Sam Bad", "sambad"));
        HttpResponse<String> last = new Browser().follow(app.resolve("/api/auth/oidc/login?clientState=short"));
        assertEquals(400, last.statusCode(), () -> last.statusCode() + " " + last.headers());
        assertTrue(last.body().contains("clientState"), last.body());
    }

    @Test
    void theCallback_refusesAnAnswerNamingAnotherIssuer_beforeExchangingTheCode_andTakesTheProvidersOwn() throws Exception {
        issuer().nextSignIn(person("Mia Mixup", "mia"));
        int exchangesBefore = issuer().exchanges().size();
        Browser browser = new Browser();
        HttpResponse<String> toProvider = browser.get(login());
        HttpResponse<String> back = browser.get(URI.create(toProvider.headers().firstValue("Location").orElseThrow()));
        String callback = back.headers().firstValue("Location").orElseThrow();
        assertTrue(callback.contains("/api/auth/oidc/callback?"), callback);

        HttpResponse<String> refused = browser.get(URI.create(callback + "&iss=" + URLEncoder.encode("https://evil.example", StandardCharsets.UTF_8)));
        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("invalid", JSON.readTree(refused.body()).path("error").path("code").asText());
        assertEquals(exchangesBefore, issuer().exchanges().size(), "no code exchange");

        // The provider's own issuer, as it may write it (a trailing slash), is taken.
        HttpResponse<String> last = browser.follow(URI.create(callback + "&iss=" + URLEncoder.encode(issuer().issuer() + "/", StandardCharsets.UTF_8)));
        assertTrue(last.headers().firstValue("Location").orElse("").startsWith("/#signed-in="), () -> last.statusCode() + " " + last.headers());
    }

    @Test
    void linking_takesOnlyTheConfiguredProvidersIssuer_normalised() throws Exception {
        Api.User ivan = Api.newUser("Ivan");
        String subject = "sub-" + UUID.randomUUID();
        given().auth().oauth2(Api.adminToken()).contentType(ContentType.JSON).body(Map.of("issuer", "https://other.example", "subject", subject))
                .post("/api/users/" + ivan.id() + "/oidc-links").then().statusCode(400).body("error.code", equalTo("invalid"));
        given().auth().oauth2(Api.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("issuer", " " + issuer().issuer().toUpperCase().replace("HTTP://", "http://") + "/ ", "subject", subject))
                .post("/api/users/" + ivan.id() + "/oidc-links").then().statusCode(201);
        SignedIn viaBrowser = signIn(new Person(subject, "Ivan I", "ivan", "ivan@example.com"));
        assertEquals(ivan.id(), viaBrowser.userId());
    }

    @Test
    void anAccountWithoutAPassword_madeByTheAdmin_signsInThroughTheProviderOnly() throws Exception {
        String username = "sso-only-" + UUID.randomUUID().toString().substring(0, 8);
        String id = given().auth().oauth2(Api.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("username", username, "displayName", "Judy SSO")).post("/api/users").then().statusCode(201)
                .extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("username", username, "password", "any-password-at-all"))
                .post("/api/auth/login").then().statusCode(401);
        String subject = "sub-" + UUID.randomUUID();
        given().auth().oauth2(Api.adminToken()).contentType(ContentType.JSON).body(Map.of("issuer", issuer().issuer(), "subject", subject))
                .post("/api/users/" + id + "/oidc-links").then().statusCode(201);
        assertEquals(UUID.fromString(id), signIn(new Person(subject, "Judy", "judy", "judy@example.com")).userId());
        // No password to turn password sign-in on with, until the admin gives one.
        given().auth().oauth2(Api.adminToken()).contentType(ContentType.JSON).body(Map.of("enabled", true))
                .put("/api/users/" + id + "/password-login").then().statusCode(409);
    }

    @Test
    void passwordSignIn_canBeTurnedOff_forAnAccountLinkedToTheProvider_only() throws Exception {
        Api.User kim = Api.newUser("Kim");
        String password = "password-" + kim.username();
        kim.as().body(Map.of("enabled", false)).put("/api/users/" + kim.id() + "/password-login").then().statusCode(403);
        given().auth().oauth2(Api.adminToken()).contentType(ContentType.JSON).body(Map.of("enabled", false))
                .put("/api/users/" + kim.id() + "/password-login").then().statusCode(409).body("error.code", equalTo("conflict"));
        given().auth().oauth2(Api.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("issuer", issuer().issuer(), "subject", "sub-" + UUID.randomUUID()))
                .post("/api/users/" + kim.id() + "/oidc-links").then().statusCode(201);
        given().auth().oauth2(Api.adminToken()).contentType(ContentType.JSON).body(Map.of("enabled", false))
                .put("/api/users/" + kim.id() + "/password-login").then().statusCode(200).body("passwordLogin", equalTo(false));
        given().contentType(ContentType.JSON).body(Map.of("username", kim.username(), "password", password))
                .post("/api/auth/login").then().statusCode(401).body("error.code", equalTo("unauthenticated"));
        given().auth().oauth2(Api.adminToken()).contentType(ContentType.JSON).body(Map.of("enabled", true))
                .put("/api/users/" + kim.id() + "/password-login").then().statusCode(200).body("passwordLogin", equalTo(true));
        Api.login(kim.username(), password);
        assertTrue(audit("user " + kim.id()).stream().anyMatch(e -> e.action.equals("user.password_login")));
    }

    @Test
    void anAccountCreatedOnFirstSignIn_hasPasswordSignInOff() throws Exception {
        SignedIn leo = signIn(person("Leo", "leo"));
        given().auth().oauth2(Api.adminToken()).contentType(ContentType.JSON).body(Map.of("enabled", true))
                .put("/api/users/" + leo.userId() + "/password-login").then().statusCode(409);
        given().auth().oauth2(Api.adminToken()).contentType(ContentType.JSON).body(Map.of("enabled", true, "password", "a-new-long-password"))
                .put("/api/users/" + leo.userId() + "/password-login").then().statusCode(200);
        Api.login(leo.username(), "a-new-long-password");
    }

    @Test
    void aSecondSignIn_linksTheSameAccount_byIssuerAndSubject() throws Exception {
        Person bob = person("Bob Builder", "bob");
        SignedIn first = signIn(bob);
        SignedIn second = signIn(bob);
        assertEquals(first.userId(), second.userId());
        assertNotEquals(first.token(), second.token());
        given().auth().oauth2(first.token()).get("/api/rooms").then().statusCode(200);
        given().auth().oauth2(second.token()).get("/api/rooms").then().statusCode(200);

        // Another person with the same name at the provider is another account.
        SignedIn otherBob = signIn(person("Bob Other", "bob"));
        assertNotEquals(first.userId(), otherBob.userId());
        assertNotEquals(first.username(), otherBob.username());
    }

    @Test
    void aProviderUsernameOfAdmin_neverSignsInAsTheAdministrator() throws Exception {
        SignedIn fake = signIn(new Person("sub-" + UUID.randomUUID(), "Not The Admin", "admin", "admin@example.com"));
        assertNotEquals("admin", fake.username());
        given().auth().oauth2(fake.token()).contentType(ContentType.JSON)
                .body(Map.of("username", "mallory2", "displayName", "M", "password", "long-enough-password"))
                .post("/api/users").then().statusCode(403);
    }

    @Test
    void quarkusOidcsCookies_authenticateNoApiCall_andItsSessionCookieIsDropped() throws Exception {
        SignedIn carol = signIn(person("Carol", "carol"));
        List<String> setCookies = carol.browser().setCookies();
        assertTrue(setCookies.stream().anyMatch(c -> c.startsWith("q_session")), "quarkus-oidc made a session: " + setCookies);
        // Every cookie quarkus-oidc ever gave the browser (the session's value too, before it was dropped) opens no API
        // call: only Sitroom's own session cookie does (BrowserSessionTest).
        String everyCookie = setCookies.stream().map(c -> c.split(";", 2)[0]).filter(c -> !c.endsWith("="))
                .filter(c -> !c.startsWith(BrowserSession.PLAIN_NAME + "=")).collect(Collectors.joining("; "));
        given().header("Cookie", everyCookie).get("/api/rooms").then().statusCode(401);
        given().header("Cookie", everyCookie).get("/api/users").then().statusCode(401);
        // The callback's own answer drops the session cookie, and the browser keeps none.
        HttpResponse<String> callback = carol.browser().hops.get(carol.browser().hops.size() - 1);
        assertTrue(callback.headers().allValues("Set-Cookie").stream()
                .anyMatch(c -> c.startsWith("q_session") && c.toLowerCase().contains("max-age=0")), callback.headers().toString());
        List<HttpCookie> kept = carol.browser().cookies.getCookieStore().getCookies();
        assertFalse(kept.stream().anyMatch(c -> c.getName().startsWith("q_session")), kept.toString());
        // Nor does the token travel in a query string, the fragment or a body: only in the session cookie.
        assertFalse(callback.body().contains(carol.token()));
        assertFalse(callback.headers().firstValue("Location").orElse("").contains(carol.token()));
        given().cookie(BrowserSession.PLAIN_NAME, carol.token()).get("/api/auth/session").then().statusCode(200)
                .body("user.id", equalTo(carol.userId().toString()));
    }

    @Test
    void anIdTokenWithABadSignature_isRefused() throws Exception {
        assertRefused(new Person("sub-" + UUID.randomUUID(), "Eve", "eve", "eve@example.com", Tamper.BAD_SIGNATURE));
    }

    @Test
    void anIdTokenForAnotherAudience_isRefused() throws Exception {
        assertRefused(new Person("sub-" + UUID.randomUUID(), "Eve", "eve", "eve@example.com", Tamper.WRONG_AUDIENCE));
    }

    private void assertRefused(Person person) throws Exception {
        issuer().nextSignIn(person);
        Browser browser = new Browser();
        HttpResponse<String> last = browser.follow(login());
        assertEquals(401, last.statusCode(), () -> "refused: " + last.statusCode() + " " + last.headers());
        assertFalse(browser.hops.stream().anyMatch(r -> r.headers().firstValue("Location").orElse("").contains("signed-in")));
    }

    @Test
    void aCallbackWithAForgedState_signsNobodyIn() throws Exception {
        issuer().nextSignIn(person("Frank", "frank"));
        int exchangesBefore = issuer().exchanges().size();
        Browser browser = new Browser();
        // A code and state the browser never asked for (no state cookie): not exchanged.
        HttpResponse<String> last = browser.get(app.resolve("/api/auth/oidc/callback?code=stolen-code&state=forged-state"));
        assertNotEquals(303, last.statusCode());
        assertFalse(last.headers().firstValue("Location").orElse("").contains("signed-in"));
        assertEquals(exchangesBefore, issuer().exchanges().size(), "no code exchange");
    }

    @Test
    void withoutAccountCreation_anUnknownPersonIsRefused_andALinkedAccountSignsIn() throws Exception {
        String issuerId = issuer().issuer();
        SitroomException refused = assertThrows(SitroomException.class,
                () -> accounts.signIn(new OidcAccounts.Person(issuerId, "sub-" + UUID.randomUUID(), "Grace", "grace", null), false));
        assertEquals(ErrorCode.FORBIDDEN, refused.code());
        assertEquals(List.of("auth.oidc_refused"), audit("issuer " + issuerId).stream().map(e -> e.action).distinct().toList());

        // The admin links an existing password account to a person at the issuer; that person then signs into it.
        Api.User heidi = Api.newUser("Heidi");
        String subject = "sub-" + UUID.randomUUID();
        heidi.as().body(Map.of("issuer", issuerId, "subject", subject)).post("/api/users/" + heidi.id() + "/oidc-links")
                .then().statusCode(403);
        given().auth().oauth2(Api.adminToken()).contentType(ContentType.JSON).body(Map.of("issuer", issuerId, "subject", subject))
                .post("/api/users/" + heidi.id() + "/oidc-links").then().statusCode(201);
        given().auth().oauth2(Api.adminToken()).contentType(ContentType.JSON).body(Map.of("issuer", issuerId, "subject", subject))
                .post("/api/users/" + heidi.id() + "/oidc-links").then().statusCode(409);
        UserService.SignedIn viaService = accounts.signIn(new OidcAccounts.Person(issuerId, subject, "Heidi H", "heidi", null), false);
        assertEquals(heidi.id(), viaService.user().id());
        SignedIn viaBrowser = signIn(new Person(subject, "Heidi H", "heidi", "heidi@example.com"));
        assertEquals(heidi.id(), viaBrowser.userId());
        assertEquals(heidi.username(), viaBrowser.username());
    }
}
