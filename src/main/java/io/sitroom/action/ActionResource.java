package io.sitroom.action;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.sitroom.error.SitroomException;
import io.sitroom.security.Caller;

/** Action items: a room's, and mine across rooms. Actions are created and updated with commands. */
@Path("/api")
@Authenticated
public class ActionResource {

    private final ActionFeature actions;
    private final SecurityIdentity identity;

    public ActionResource(ActionFeature actions, SecurityIdentity identity) {
        this.actions = actions;
        this.identity = identity;
    }

    @GET
    @Path("/rooms/{id}/actions")
    public List<ActionView> ofRoom(@PathParam("id") UUID roomId) {
        return actions.ofRoom(roomId, Caller.of(identity).userId());
    }

    @GET
    @Path("/actions")
    public List<ActionView> mine(@QueryParam("owner") String owner, @QueryParam("status") String status) {
        if (owner != null && !owner.equals("me")) {
            throw SitroomException.invalid("owner can only be 'me'");
        }
        return actions.mine(Caller.of(identity).userId(), status);
    }
}
