package io.sitroom.security;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** Sign-in. */
@Path("/api/auth")
@PermitAll
public class AuthResource {

    private final UserService users;

    public AuthResource(UserService users) {
        this.users = users;
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
}
