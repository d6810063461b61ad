package io.sitroom.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.identity.SecurityIdentity;
import io.sitroom.crypto.Sha256;
import io.vertx.core.http.HttpServerRequest;

/**
 * Starts and ends browser sessions ({@link BrowserSession}) for the sign-in paths: password sign-in, joining by
 * invitation, company sign-in.
 */
@ApplicationScoped
public class BrowserSessions {

    private final TokenService tokens;
    private final SecurityIdentity identity;
    private final Event<TokensRevoked> revocations;

    public BrowserSessions(TokenService tokens, SecurityIdentity identity, Event<TokensRevoked> revocations) {
        this.tokens = tokens;
        this.identity = identity;
        this.revocations = revocations;
    }

    /** Whether this request asks for a browser session rather than a token in the answer. */
    public boolean requested(HttpServerRequest http) {
        return BrowserSession.requested(http::getHeader);
    }

    /**
     * The answer to a browser's sign-in: the token in the session cookie, {@code answer} (which must not hold it)
     * in the body. The browser's previous session, if it had one, ends: one browser, one sign-in.
     */
    public Response signIn(HttpServerRequest http, String token, Object answer) {
        endCurrent(http);
        return Response.ok(answer).header("Set-Cookie", BrowserSession.cookie(token, isHttps(http))).build();
    }

    /** The Set-Cookie value of a browser session for {@code token}, for answers built elsewhere (a redirect). */
    public String cookieFor(HttpServerRequest http, String token) {
        endCurrent(http);
        return BrowserSession.cookie(token, isHttps(http));
    }

    /** Signs out: the request's token (bearer or cookie) is revoked, and the answer deletes the session cookie. */
    public Response signOut(HttpServerRequest http) {
        endCurrent(http);
        Response.ResponseBuilder answer = Response.noContent();
        BrowserSession.cleared(isHttps(http)).forEach(cookie -> answer.header("Set-Cookie", cookie));
        return answer.build();
    }

    /**
     * Revokes the token this request was signed in with, and the one its session cookie carries (on company
     * sign-in's paths no Sitroom token signs the request in, but the browser may still hold an older session), and
     * closes the connections opened with them.
     */
    private void endCurrent(HttpServerRequest http) {
        Caller caller = Caller.of(identity);
        String tokenHash = Caller.tokenHashOf(identity);
        if (caller != null && tokenHash != null) {
            revoke(caller.userId(), tokenHash);
        }
        java.util.Map<String, String> cookies = new java.util.HashMap<>();
        http.cookies().forEach(cookie -> cookies.put(cookie.getName(), cookie.getValue()));
        String cookieToken = BrowserSession.tokenOf(cookies);
        if (cookieToken != null && !Sha256.hex(cookieToken).equals(tokenHash)) {
            String cookieHash = Sha256.hex(cookieToken);
            tokens.resolveHash(cookieHash).ifPresent(user -> revoke(user.id, cookieHash));
        }
    }

    private void revoke(java.util.UUID userId, String tokenHash) {
        // One transaction: the other nodes hear of it as it commits (see TokensRevoked).
        io.quarkus.narayana.jta.QuarkusTransaction.joiningExisting().run(() -> {
            tokens.revokeHash(tokenHash);
            revocations.fire(new TokensRevoked(userId, tokenHash));
        });
    }

    /** Whether the browser reached the server over https (as the proxy says, when it is trusted to). */
    static boolean isHttps(HttpServerRequest http) {
        return "https".equalsIgnoreCase(http.scheme());
    }
}
