package io.sitroom.bundle;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.sitroom.security.Caller;

/** An exercise's bundle, for its facilitator: one zip with the scenario version, export, report and feedback. */
@Path("/api/rooms/{id}/bundle")
@Authenticated
public class RoomBundleResource {

    static final String ZIP = "application/zip";

    private final ExerciseBundles bundles;
    private final SecurityIdentity identity;

    public RoomBundleResource(ExerciseBundles bundles, SecurityIdentity identity) {
        this.bundles = bundles;
        this.identity = identity;
    }

    @GET
    @Produces({ ZIP, "application/json" })
    public Response bundle(@PathParam("id") UUID roomId, @Context UriInfo uri) {
        String base = uri.getBaseUri().toString().replaceAll("/+$", "");
        ExerciseBundles.Exported bundle = bundles.export(roomId, Caller.of(identity).userId(), base);
        return download(bundle);
    }

    static Response download(ExerciseBundles.Exported bundle) {
        return Response.ok(bundle.zip(), ZIP).header("Content-Disposition", "attachment; filename=\"" + bundle.fileName() + "\"").build();
    }
}
