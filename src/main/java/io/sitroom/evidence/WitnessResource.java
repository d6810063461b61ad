package io.sitroom.evidence;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.identity.SecurityIdentity;
import io.sitroom.chain.Checkpoint;
import io.sitroom.chain.Countersignature;
import io.sitroom.security.Caller;

/**
 * Witnesses (docs/evidence.md): the endpoint another server sends its checkpoints to, and the admin's
 * lists of the origins this server witnesses for and of the witnesses it sends to.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class WitnessResource {

    private final Witnesses witnesses;
    private final SecurityIdentity identity;

    public WitnessResource(Witnesses witnesses, SecurityIdentity identity) {
        this.witnesses = witnesses;
        this.identity = identity;
    }

    /** Countersigns a registered origin's checkpoint; needs no sign-in: the origin's signature is the credential. */
    @POST
    @Path("/witness/checkpoints")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public Countersignature witness(Checkpoint checkpoint) {
        return witnesses.witness(checkpoint);
    }

    @GET
    @Path("/admin/witness/origins")
    @RolesAllowed(Caller.ADMIN)
    public List<Witnesses.OriginView> origins() {
        return witnesses.origins();
    }

    @POST
    @Path("/admin/witness/origins")
    @RolesAllowed(Caller.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addOrigin(Witnesses.NewOrigin request) {
        return Response.status(Response.Status.CREATED).entity(witnesses.addOrigin(Caller.of(identity), request)).build();
    }

    @DELETE
    @Path("/admin/witness/origins/{id}")
    @RolesAllowed(Caller.ADMIN)
    public Response removeOrigin(@PathParam("id") UUID id) {
        witnesses.removeOrigin(Caller.of(identity), id);
        return Response.noContent().build();
    }

    @GET
    @Path("/admin/witnesses")
    @RolesAllowed(Caller.ADMIN)
    public List<Witnesses.TargetView> targets() {
        return witnesses.targets();
    }

    @POST
    @Path("/admin/witnesses")
    @RolesAllowed(Caller.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addTarget(Witnesses.NewTarget request) {
        return Response.status(Response.Status.CREATED).entity(witnesses.addTarget(Caller.of(identity), request)).build();
    }

    @DELETE
    @Path("/admin/witnesses/{id}")
    @RolesAllowed(Caller.ADMIN)
    public Response removeTarget(@PathParam("id") UUID id) {
        witnesses.removeTarget(Caller.of(identity), id);
        return Response.noContent().build();
    }
}
