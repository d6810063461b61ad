package io.sitroom.comms;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.sitroom.security.Caller;

/** A room's status updates (those the caller may read), statements and acknowledgements. Changed with commands. */
@Path("/api/rooms/{id}")
@Authenticated
public class CommsResource {

    private final CommsFeature comms;
    private final SecurityIdentity identity;

    public CommsResource(CommsFeature comms, SecurityIdentity identity) {
        this.comms = comms;
        this.identity = identity;
    }

    @GET
    @Path("/updates")
    public List<CommsViews.UpdateView> updates(@PathParam("id") UUID roomId) {
        return comms.updatesFor(roomId, Caller.of(identity).userId());
    }

    @GET
    @Path("/statements")
    public List<CommsViews.StatementView> statements(@PathParam("id") UUID roomId) {
        return comms.statementsFor(roomId, Caller.of(identity).userId());
    }

    @GET
    @Path("/acks")
    public List<CommsViews.AckView> acks(@PathParam("id") UUID roomId) {
        return comms.acksFor(roomId, Caller.of(identity).userId());
    }
}
