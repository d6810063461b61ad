package io.sitroom.alert;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.identity.SecurityIdentity;
import io.sitroom.security.Caller;

/** Alert intake for monitoring systems, and the integrations (each with its token) that the admin manages. */
@Path("/api")
public class AlertResource {

    public static final String INTEGRATION = "integration";

    private final AlertService alerts;
    private final SecurityIdentity identity;

    public AlertResource(AlertService alerts, SecurityIdentity identity) {
        this.alerts = alerts;
        this.identity = identity;
    }

    /**
     * A generic alert or an Alertmanager webhook, authenticated with the integration's token. Read as text:
     * the service parses it, so that a body that is not JSON is refused and logged like any other bad body.
     */
    @POST
    @Path("/alerts")
    @RolesAllowed(INTEGRATION)
    public List<AlertOutcome> receive(String body) {
        return alerts.receive(UUID.fromString(identity.getPrincipal().getName().substring(INTEGRATION.length() + 1)), body);
    }

    @POST
    @Path("/integrations")
    @RolesAllowed(Caller.ADMIN)
    public Response create(AlertService.NewIntegration request) {
        return Response.status(Response.Status.CREATED).entity(alerts.createIntegration(Caller.of(identity).userId(), request)).build();
    }

    @GET
    @Path("/integrations")
    @RolesAllowed(Caller.ADMIN)
    public List<AlertService.IntegrationView> list() {
        return alerts.integrations();
    }

    @DELETE
    @Path("/integrations/{id}")
    @RolesAllowed(Caller.ADMIN)
    public Response revoke(@PathParam("id") UUID id) {
        alerts.revoke(Caller.of(identity).userId(), id);
        return Response.noContent().build();
    }
}
