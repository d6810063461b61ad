package io.sitroom.security;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.sitroom.error.ErrorCode;
import io.sitroom.error.SitroomException;
import io.vertx.core.http.HttpServerRequest;

/**
 * Sign-in and sign-out. A client that sends {@code X-Sitroom-Session: cookie} (the web app) gets its token in the
 * browser session's cookie instead of the answer ({@link BrowserSession}); any other gets it in the answer.
 */
@Path("/api/auth")
@PermitAll
public class AuthResource {

    private final UserService users;
    private final BrowserSessions sessions;
    private final SecurityIdentity identity;

    public AuthResource(UserService users, BrowserSessions sessions, SecurityIdentity identity) {
        this.users = users;
        this.sessions = sessions;
        this.identity = identity;
    }

    public record Credentials(String username, String password) {
    }

    /** {@code {token, expiresAt, user}}; for a browser session {@code {expiresAt, user}} and the cookie. */
    @POST
    @Path("/login")
    public Response login(Credentials credentials, @Context HttpServerRequest http) {
        if (credentials == null) {
            throw SitroomException.invalid("username and password are required");
        }
        UserService.SignedIn signedIn = users.login(credentials.username(), credentials.password(),
                http.remoteAddress() == null ? "unknown" : http.remoteAddress().host());
        if (!sessions.requested(http)) {
            return Response.ok(signedIn).build();
        }
        return sessions.signIn(http, signedIn.token(), new UserService.SessionView(signedIn.expiresAt(), signedIn.user(), null));
    }

    /** Who this browser session (or bearer token) signs in: {@code {expiresAt, user, roomId?}}. */
    @GET
    @Path("/session")
    @Authenticated
    public UserService.SessionView session() {
        String tokenHash = Caller.tokenHashOf(identity);
        return (tokenHash == null ? java.util.Optional.<UserService.SessionView> empty() : users.session(tokenHash))
                .orElseThrow(() -> new SitroomException(ErrorCode.UNAUTHENTICATED, "not signed in with a sign-in token"));
    }

    /**
     * Signs out: the token of this request (its bearer token or its session cookie's) stops working at once, its
     * connections are closed on every node, and the browser's session cookie is deleted.
     */
    @POST
    @Path("/logout")
    @Authenticated
    public Response logout(@Context HttpServerRequest http) {
        return sessions.signOut(http);
    }
}
