package io.sitroom.action;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.sitroom.error.SitroomException;
import io.sitroom.security.Caller;

/** My actions across every room I belong to, closed rooms included. */
@Path("/api/actions")
@Authenticated
public class MyActionsResource {

    private final ActionFeature actions;
    private final SecurityIdentity identity;

    public MyActionsResource(ActionFeature actions, SecurityIdentity identity) {
        this.actions = actions;
        this.identity = identity;
    }

    /** {@code owner=me} (the only owner one may ask for); {@code status}: open, closed, or an exact status. */
    @GET
    public List<ActionView> mine(@QueryParam("owner") String owner, @QueryParam("status") String status) {
        if (owner != null && !owner.equals("me")) {
            throw SitroomException.invalid("owner can only be 'me'");
        }
        return actions.mine(Caller.of(identity).userId(), status);
    }
}
