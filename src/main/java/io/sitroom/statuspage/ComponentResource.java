package io.sitroom.statuspage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import io.quarkus.security.identity.SecurityIdentity;
import io.sitroom.security.Caller;

/** The status page's components: listed for signed-in accounts, changed by the admin's commands. */
@Path("/api/status/components")
@RolesAllowed(Caller.USER)
public class ComponentResource {

    private final StatusComponents components;
    private final SecurityIdentity identity;

    public ComponentResource(StatusComponents components, SecurityIdentity identity) {
        this.components = components;
        this.identity = identity;
    }

    @GET
    public StatusComponents.Listing list() {
        return components.list(Caller.of(identity));
    }

    @POST
    @Path("/commands")
    public StatusComponents.ComponentView issue(StatusComponents.Envelope envelope) {
        return components.issue(Caller.of(identity), envelope);
    }
}
