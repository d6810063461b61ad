package io.sitroom.action;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.sitroom.security.Caller;

/** A room's action items, highest risk first. Actions are created and updated with commands. */
@Path("/api/rooms/{id}/actions")
@Authenticated
public class ActionResource {

    private final ActionFeature actions;
    private final SecurityIdentity identity;

    public ActionResource(ActionFeature actions, SecurityIdentity identity) {
        this.actions = actions;
        this.identity = identity;
    }

    @GET
    public List<ActionView> ofRoom(@PathParam("id") UUID roomId) {
        return actions.ofRoom(roomId, Caller.of(identity).userId());
    }
}
