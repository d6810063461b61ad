package io.sitroom.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.oidc.IdToken;
import io.quarkus.oidc.OidcSession;
import io.sitroom.error.SitroomException;

/**
 * Company sign-in through the organisation's OpenID Connect provider (off unless
 * {@code quarkus.oidc.tenant-enabled=true}). quarkus-oidc runs the authorization code flow on
 * {@code /api/auth/oidc/login} and {@code /api/auth/oidc/callback} only (an HTTP permission selects its
 * {@code code} mechanism there; everything else is authenticated by Sitroom bearer tokens alone). The callback
 * turns the verified ID token into an ordinary Sitroom token, drops quarkus-oidc's session cookie, and starts the
 * browser session with that token in its cookie ({@link BrowserSession}); the URL's fragment tells the web app who
 * signed in (or why not), never the token.
 */
@Path("/api/auth/oidc")
@PermitAll
public class OidcResource {

    static final String LOGIN_PATH = "/api/auth/oidc/login";
    static final String CALLBACK_PATH = "/api/auth/oidc/callback";
    private static final Logger LOG = Logger.getLogger(OidcResource.class);
    private static final java.util.regex.Pattern CLIENT_STATE = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{16,128}");

    @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    SitroomOidcConfig config;

    @Inject
    OidcAccounts accounts;

    @Inject
    ObjectMapper mapper;

    @Inject
    @IdToken
    JsonWebToken idToken;

    @Inject
    OidcSession oidcSession;

    @Inject
    BrowserSessions sessions;

    @jakarta.ws.rs.core.Context
    io.vertx.core.http.HttpServerRequest http;

    public record Status(boolean enabled, String providerName, String loginPath) {
    }

    /** Whether company sign-in is on, for the sign-in page: {@code {enabled, providerName?, loginPath?}}. */
    @GET
    public Status status() {
        return enabled ? new Status(true, config.providerName(), LOGIN_PATH) : new Status(false, null, null);
    }

    /**
     * Starts company sign-in ({@code ?clientState=}: a value of the web app's, handed back in the fragment so that
     * it accepts only a sign-in it started). Reached only once quarkus-oidc has an authenticated session: at first
     * quarkus-oidc redirects the browser to the provider, keeping this path and its query in its state cookie,
     * and after the code exchange sends the browser back here, where the person is signed in.
     */
    @GET
    @Path("/login")
    public Response login(@QueryParam("clientState") String clientState) {
        requireEnabled();
        if (clientState != null && !CLIENT_STATE.matcher(clientState).matches()) {
            throw SitroomException.invalid("clientState must be 16 to 128 of A-Z a-z 0-9 _ -");
        }
        return signIn(clientState);
    }

    /** Where the provider sends the browser back: the code is exchanged (by quarkus-oidc), the person signed in. */
    @GET
    @Path("/callback")
    public Response callback() {
        requireEnabled();
        return signIn(null);
    }

    private Response signIn(String clientState) {
        String fragment;
        String cookie = null;
        try {
            OidcAccounts.Person person = new OidcAccounts.Person(idToken.getIssuer(), idToken.getSubject(),
                    claim("name"), claim("preferred_username"), claim("email"), emailVerified());
            UserService.SignedIn signedIn = accounts.signIn(person, config.createAccounts());
            // The token goes into the browser session's cookie; the fragment says who signed in, never the token.
            cookie = sessions.cookieFor(http, signedIn.token());
            fragment = "signed-in=" + encode(mapper.writeValueAsString(new UserService.SessionView(signedIn.expiresAt(), signedIn.user(), null)));
        } catch (SitroomException e) {
            LOG.infof("Company sign-in refused: %s", e.getMessage());
            fragment = "signin-error=" + encode(e.getMessage());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the sign-in answer", e);
        } finally {
            // The Sitroom token is what signs the person in from now on: quarkus-oidc's session cookie goes.
            oidcSession.logout().await().atMost(Duration.ofSeconds(10));
        }
        if (clientState != null) {
            fragment += "&state=" + clientState;
        }
        Response.ResponseBuilder answer = Response.status(Response.Status.SEE_OTHER).header("Location", "/#" + fragment)
                .header("Cache-Control", "no-store");
        if (cookie != null) {
            answer.header("Set-Cookie", cookie);
        }
        return answer.build();
    }

    private void requireEnabled() {
        if (!enabled) {
            throw SitroomException.notFound("company sign-in is not enabled on this server");
        }
    }

    private String claim(String name) {
        Object value = idToken.getClaim(name);
        if (value instanceof jakarta.json.JsonString string) {
            return string.getString();
        }
        return value instanceof String string ? string : null;
    }

    /** The {@code email_verified} claim: a JSON boolean (some providers send the string "true"); absent is false. */
    private boolean emailVerified() {
        Object value = idToken.getClaim("email_verified");
        return value == jakarta.json.JsonValue.TRUE || Boolean.TRUE.equals(value) || "true".equals(value)
                || value instanceof jakarta.json.JsonString string && "true".equals(string.getString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
