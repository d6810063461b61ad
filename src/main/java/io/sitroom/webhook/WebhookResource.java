package io.sitroom.webhook;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.identity.SecurityIdentity;
import io.sitroom.security.Caller;

/** Outbound webhooks and their delivery log. */
@Path("/api/webhooks")
@RolesAllowed(Caller.USER)
public class WebhookResource {

    private final WebhookService webhooks;
    private final SecurityIdentity identity;

    public WebhookResource(WebhookService webhooks, SecurityIdentity identity) {
        this.webhooks = webhooks;
        this.identity = identity;
    }

    @POST
    public Response create(WebhookService.NewWebhook request) {
        return Response.status(Response.Status.CREATED).entity(webhooks.create(Caller.of(identity), request)).build();
    }

    @GET
    public List<WebhookService.WebhookView> list(@QueryParam("roomId") UUID roomId) {
        return webhooks.list(Caller.of(identity), roomId);
    }

    @GET
    @Path("/{id}/deliveries")
    public List<WebhookService.DeliveryView> deliveries(@PathParam("id") UUID id) {
        return webhooks.deliveries(Caller.of(identity), id);
    }

    @GET
    @Path("/{id}/dead-letters")
    public List<WebhookService.DeliveryView> deadLetters(@PathParam("id") UUID id) {
        return webhooks.deadLetters(Caller.of(identity), id);
    }

    @POST
    @Path("/{id}/resume")
    public WebhookService.Resumed resume(@PathParam("id") UUID id, WebhookService.Resume request) {
        return webhooks.resume(Caller.of(identity), id, request);
    }

    @DELETE
    @Path("/{id}")
    public Response remove(@PathParam("id") UUID id) {
        webhooks.remove(Caller.of(identity), id);
        return Response.noContent().build();
    }
}
