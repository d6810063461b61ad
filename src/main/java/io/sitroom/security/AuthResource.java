package io.sitroom.security;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** Sign-in. */
@Path("/api/auth")
@PermitAll
public class AuthResource {

    private final UserService users;
    private final InviteService invites;

    public AuthResource(UserService users, InviteService invites) {
        this.users = users;
        this.invites = invites;
    }

    public record JoinRequest(String code, String displayName) {
    }

    public record Credentials(String username, String password) {
    }

    @POST
    @Path("/login")
    public UserService.SignedIn login(Credentials credentials) {
        if (credentials == null) {
            throw io.sitroom.error.SitroomException.invalid("username and password are required");
        }
        return users.login(credentials.username(), credentials.password());
    }

    /** Joins a room with an invitation code, without an account: {@code {token, roomId, role, user}}. */
    @POST
    @Path("/join")
    public InviteService.Joined join(JoinRequest request) {
        if (request == null) {
            throw io.sitroom.error.SitroomException.invalid("code and displayName are required");
        }
        return invites.join(request.code(), request.displayName());
    }
}
