package io.sitroom.invite;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;

import io.sitroom.error.SitroomException;
import io.vertx.core.http.HttpServerRequest;

/** Joining a room with an invitation code, without an account. */
@Path("/api/auth/join")
@PermitAll
public class JoinResource {

    private final InviteService invites;

    public JoinResource(InviteService invites) {
        this.invites = invites;
    }

    public record JoinRequest(String code, String displayName) {
    }

    /** {@code {token, roomId, role, user}}. */
    @POST
    public InviteService.Joined join(JoinRequest request, @Context HttpServerRequest http) {
        if (request == null) {
            throw SitroomException.invalid("code and displayName are required");
        }
        return invites.join(request.code(), request.displayName(), http.remoteAddress() == null ? "unknown" : http.remoteAddress().host());
    }
}
