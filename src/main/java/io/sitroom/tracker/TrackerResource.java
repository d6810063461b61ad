package io.sitroom.tracker;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.identity.SecurityIdentity;
import io.sitroom.error.ApiError;
import io.sitroom.error.ErrorCode;
import io.sitroom.security.Caller;

/** Issue trackers: configured by the admin, listed for members who link actions, and their webhooks. */
@Path("/api")
public class TrackerResource {

    private final Trackers trackers;
    private final TrackerWebhooks webhooks;
    private final SecurityIdentity identity;

    public TrackerResource(Trackers trackers, TrackerWebhooks webhooks, SecurityIdentity identity) {
        this.trackers = trackers;
        this.webhooks = webhooks;
        this.identity = identity;
    }

    @POST
    @Path("/admin/trackers")
    @RolesAllowed(Caller.ADMIN)
    public Response create(Trackers.NewTracker request) {
        return Response.status(Response.Status.CREATED).entity(trackers.create(Caller.of(identity), request)).build();
    }

    @GET
    @Path("/admin/trackers")
    @RolesAllowed(Caller.ADMIN)
    public List<Trackers.TrackerView> list() {
        return trackers.list();
    }

    @DELETE
    @Path("/admin/trackers/{id}")
    @RolesAllowed(Caller.ADMIN)
    public Response remove(@PathParam("id") UUID id) {
        trackers.remove(Caller.of(identity), id);
        return Response.noContent().build();
    }

    /** The trackers an action may be linked to: id, name and kind. */
    @GET
    @Path("/trackers")
    @RolesAllowed({ Caller.USER, Caller.GUEST })
    public List<Trackers.TrackerChoice> choices() {
        return trackers.choices();
    }

    /** A tracker's webhook, signed with its secret (no Sitroom token). */
    @POST
    @Path("/trackers/{id}/webhook")
    @PermitAll
    public Response webhook(@PathParam("id") UUID id, byte[] body, @HeaderParam("X-Hub-Signature-256") String github,
            @HeaderParam("X-Hub-Signature") String jira, @HeaderParam("X-GitHub-Event") String event) {
        try {
            return Response.ok(webhooks.receive(id, body, github, jira, event)).build();
        } catch (TrackerWebhooks.Unsigned e) {
            return Response.status(Response.Status.UNAUTHORIZED).entity(new ApiError.Body(new ApiError(ErrorCode.UNAUTHENTICATED, e.getMessage()))).build();
        }
    }
}
