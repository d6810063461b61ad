package io.sitroom.security;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import io.sitroom.error.SitroomException;

/** Accounts: the admin creates them; any signed-in user can list them to add people to a room. */
@Path("/api/users")
@Authenticated
public class UserResource {

    private final UserService users;
    private final OidcAccounts oidcAccounts;
    private final io.quarkus.security.identity.SecurityIdentity identity;

    public UserResource(UserService users, OidcAccounts oidcAccounts, io.quarkus.security.identity.SecurityIdentity identity) {
        this.users = users;
        this.oidcAccounts = oidcAccounts;
        this.identity = identity;
    }

    public record NewUser(String username, String displayName, String password) {
    }

    @POST
    @RolesAllowed(Caller.ADMIN)
    public Response create(NewUser request) {
        if (request == null) {
            throw SitroomException.invalid("username and displayName are required");
        }
        UserService.UserView created = users.create(Caller.of(identity), request.username(), request.displayName(), request.password());
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @GET
    @RolesAllowed(Caller.USER)
    public List<UserService.UserView> list() {
        return users.list();
    }

    public record OidcLink(String issuer, String subject) {
    }

    /**
     * Links an account to a person at the company's OpenID Connect provider (admin), so that they can sign in
     * there even when {@code sitroom.oidc.create-accounts} is false. The issuer must be the configured provider's.
     */
    @POST
    @Path("/{id}/oidc-links")
    @RolesAllowed(Caller.ADMIN)
    public Response linkOidc(@PathParam("id") UUID id, OidcLink request) {
        if (request == null) {
            throw SitroomException.invalid("issuer and subject are required");
        }
        oidcAccounts.linkExisting(Caller.of(identity), id, request.issuer(), request.subject());
        return Response.status(Response.Status.CREATED).build();
    }

    /**
     * Disables an account (admin): {@code {userId, disabled: true, revoked}}; it cannot sign in, its tokens are
     * revoked and its open connections closed.
     */
    @POST
    @Path("/{id}/disable")
    @RolesAllowed(Caller.ADMIN)
    public UserService.AccountState disable(@PathParam("id") UUID id) {
        return users.setDisabled(Caller.of(identity), id, true);
    }

    /** Enables a disabled account again (admin): {@code {userId, disabled: false, revoked: 0}}. */
    @POST
    @Path("/{id}/enable")
    @RolesAllowed(Caller.ADMIN)
    public UserService.AccountState enable(@PathParam("id") UUID id) {
        return users.setDisabled(Caller.of(identity), id, false);
    }

    public record PasswordLoginRequest(Boolean enabled, String password) {
    }

    /**
     * Turns an account's password sign-in on or off (admin): {@code {"enabled", "password"?}} ->
     * {@code {userId, passwordLogin}}. Off only for an account linked to the company provider; on only with a password.
     */
    @PUT
    @Path("/{id}/password-login")
    @RolesAllowed(Caller.ADMIN)
    public UserService.PasswordLogin passwordLogin(@PathParam("id") UUID id, PasswordLoginRequest request) {
        if (request == null || request.enabled() == null) {
            throw SitroomException.invalid("enabled (true or false) is required");
        }
        return users.setPasswordLogin(Caller.of(identity), id, request.enabled(), request.password());
    }

    /** Revokes every token of a user (the admin): {@code {userId, revoked}}; their open connections are closed. */
    @POST
    @Path("/{id}/revoke-tokens")
    @RolesAllowed(Caller.ADMIN)
    public UserService.Revoked revokeTokens(@PathParam("id") UUID id) {
        return users.revokeTokens(Caller.of(identity), id);
    }
}
