package io.sitroom.security;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** Sign-in. */
@Path("/api/auth")
@PermitAll
public class AuthResource {

    private final UserService users;

    private final TokenService tokens;

    private final io.quarkus.security.identity.SecurityIdentity identity;
    private final jakarta.enterprise.event.Event<TokensRevoked> revocations;

    public AuthResource(UserService users, TokenService tokens, io.quarkus.security.identity.SecurityIdentity identity,
            jakarta.enterprise.event.Event<TokensRevoked> revocations) {
        this.identity = identity;
        this.revocations = revocations;
        this.tokens = tokens;
        this.users = users;
    }

    public record Credentials(String username, String password) {
    }

    @POST
    @Path("/login")
    public UserService.SignedIn login(Credentials credentials, @jakarta.ws.rs.core.Context io.vertx.core.http.HttpServerRequest http) {
        if (credentials == null) {
            throw io.sitroom.error.SitroomException.invalid("username and password are required");
        }
        return users.login(credentials.username(), credentials.password(), http.remoteAddress() == null ? "unknown" : http.remoteAddress().host());
    }

    /** Signs out: the token of this request stops working at once. */
    @POST
    @Path("/logout")
    @io.quarkus.security.Authenticated
    public jakarta.ws.rs.core.Response logout(@jakarta.ws.rs.HeaderParam("Authorization") String authorization) {
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).strip();
            tokens.revoke(token);
            Caller caller = Caller.of(identity);
            if (caller != null) {
                revocations.fire(new TokensRevoked(caller.userId(), io.sitroom.crypto.Sha256.hex(token)));
            }
        }
        return jakarta.ws.rs.core.Response.noContent().build();
    }

}
