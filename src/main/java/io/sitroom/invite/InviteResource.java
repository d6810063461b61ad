package io.sitroom.invite;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
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

    public record NewInvite(Role role, Integer ttlMinutes, Integer maxUses) {
    }

    @POST
    public Response create(@PathParam("id") UUID roomId, NewInvite request) {
        if (request == null || request.role() == null) {
            throw SitroomException.invalid("role is required");
        }
        return Response.status(Response.Status.CREATED)
                .entity(invites.create(roomId, Caller.of(identity).userId(), request.role(), request.ttlMinutes(), request.maxUses())).build();
    }

    /** The room's invitations, for its lead (never their codes). */
    @GET
    public List<InviteService.InviteView> list(@PathParam("id") UUID roomId) {
        return invites.list(roomId, Caller.of(identity).userId());
    }

    /** Revokes an invitation: nobody joins with it any more. */
    @POST
    @Path("/{inviteId}/revoke")
    public Response revoke(@PathParam("id") UUID roomId, @PathParam("inviteId") UUID inviteId) {
        invites.revoke(roomId, Caller.of(identity).userId(), inviteId);
        return Response.noContent().build();
    }

}
