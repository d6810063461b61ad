package io.sitroom.invite;

import java.util.UUID;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.sitroom.error.SitroomException;
import io.sitroom.role.Role;
import io.sitroom.security.Caller;

/** Invitations into a room, made by its lead. */
@Path("/api/rooms/{id}/invites")
@Authenticated
public class InviteResource {

    private final InviteService invites;
    private final SecurityIdentity identity;

    public InviteResource(InviteService invites, SecurityIdentity identity) {
        this.invites = invites;
        this.identity = identity;
    }

    public record NewInvite(Role role, Integer ttlMinutes) {
    }

    @POST
    public Response create(@PathParam("id") UUID roomId, NewInvite request) {
        if (request == null || request.role() == null) {
            throw SitroomException.invalid("role is required");
        }
        return Response.status(Response.Status.CREATED)
                .entity(invites.create(roomId, Caller.of(identity).userId(), request.role(), request.ttlMinutes())).build();
    }

}
