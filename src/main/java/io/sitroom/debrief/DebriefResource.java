package io.sitroom.debrief;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.sitroom.security.Caller;

/** An exercise's debrief links, made, listed and revoked by its facilitator. */
@Path("/api/rooms/{id}/debrief-links")
@Authenticated
public class DebriefResource {

    private final DebriefService debriefs;
    private final SecurityIdentity identity;

    public DebriefResource(DebriefService debriefs, SecurityIdentity identity) {
        this.debriefs = debriefs;
        this.identity = identity;
    }

    /** {@code ttlDays}: how long the link works (default 7, at most 30). */
    public record NewLink(Integer ttlDays) {
    }

    @POST
    public Response create(@PathParam("id") UUID roomId, NewLink request) {
        Integer ttl = request == null ? null : request.ttlDays();
        return Response.status(Response.Status.CREATED).entity(debriefs.create(roomId, Caller.of(identity).userId(), ttl)).build();
    }

    @GET
    public List<DebriefService.LinkView> list(@PathParam("id") UUID roomId) {
        return debriefs.list(roomId, Caller.of(identity).userId());
    }

    @POST
    @Path("/{linkId}/revoke")
    public Response revoke(@PathParam("id") UUID roomId, @PathParam("linkId") UUID linkId) {
        debriefs.revoke(roomId, Caller.of(identity).userId(), linkId);
        return Response.noContent().build();
    }
}
