package io.sitroom.invite;

import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import io.sitroom.error.SitroomException;
import io.sitroom.role.Role;
import io.sitroom.security.BrowserSessions;
import io.sitroom.security.UserService;
import io.vertx.core.http.HttpServerRequest;

/** Joining a room with an invitation code, without an account. */
@Path("/api/auth/join")
@PermitAll
public class JoinResource {

    private final InviteService invites;
    private final BrowserSessions sessions;

    public JoinResource(InviteService invites, BrowserSessions sessions) {
        this.invites = invites;
        this.sessions = sessions;
    }

    /** A guest's browser session: as {@link InviteService.Joined}, its token in the cookie instead. */
    public record JoinedSession(String expiresAt, UUID roomId, Role role, UserService.UserView user) {
    }

    public record JoinRequest(String code, String displayName) {
    }

    /** {@code {token, expiresAt, roomId, role, user}}; for a browser session (BrowserSession) the token goes into its cookie. */
    @POST
    public Response join(JoinRequest request, @Context HttpServerRequest http) {
        if (request == null) {
            throw SitroomException.invalid("code and displayName are required");
        }
        InviteService.Joined joined = invites.join(request.code(), request.displayName(),
                http.remoteAddress() == null ? "unknown" : http.remoteAddress().host());
        if (!sessions.requested(http)) {
            return Response.ok(joined).build();
        }
        return sessions.signIn(http, joined.token(), new JoinedSession(joined.expiresAt(), joined.roomId(), joined.role(), joined.user()));
    }
}
