package io.sitroom.bundle;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.identity.SecurityIdentity;
import io.sitroom.security.Caller;

/**
 * Imported exercise bundles: importing needs what uploading a scenario needs (an account, not an
 * exercise guest), since the bundle's scenario becomes a version here; an archive is read by its
 * importer and by admins.
 */
@Path("/api/exercise-bundles")
@RolesAllowed(Caller.USER)
public class ExerciseBundleResource {

    private final ExerciseBundles bundles;
    private final SecurityIdentity identity;

    public ExerciseBundleResource(ExerciseBundles bundles, SecurityIdentity identity) {
        this.bundles = bundles;
        this.identity = identity;
    }

    /** 201 with the archive and where its scenario is now, or 400 naming the part of the bundle that failed verification. */
    @POST
    @Consumes({ RoomBundleResource.ZIP, "application/x-zip-compressed", MediaType.APPLICATION_OCTET_STREAM })
    @Produces(MediaType.APPLICATION_JSON)
    public Response importBundle(byte[] zip) {
        return Response.status(Response.Status.CREATED).entity(bundles.importBundle(Caller.of(identity), zip == null ? new byte[0] : zip))
                .build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<ExerciseBundles.ArchiveSummary> list() {
        return bundles.list(Caller.of(identity));
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public ExerciseBundles.ArchiveView get(@PathParam("id") UUID id) {
        return bundles.get(Caller.of(identity), id);
    }

    @GET
    @Path("/{id}/zip")
    @Produces({ RoomBundleResource.ZIP, MediaType.APPLICATION_JSON })
    public Response zip(@PathParam("id") UUID id) {
        return RoomBundleResource.download(bundles.zip(Caller.of(identity), id));
    }
}
