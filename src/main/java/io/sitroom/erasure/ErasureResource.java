package io.sitroom.erasure;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.identity.SecurityIdentity;
import io.sitroom.error.SitroomException;
import io.sitroom.security.Caller;

/** The admin's erasure queue (docs/protocol.md, "Erasure and legal hold"): list, approve, reject. */
@Path("/api/admin/erasures")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ADMIN)
public class ErasureResource {

    /** The body of a rejection. */
    public record Rejection(String reason) {
    }

    private final ErasureService erasures;
    private final SecurityIdentity identity;

    public ErasureResource(ErasureService erasures, SecurityIdentity identity) {
        this.erasures = erasures;
        this.identity = identity;
    }

    @GET
    public List<ErasureService.ErasureView> list(@QueryParam("status") String status) {
        return erasures.list(status);
    }

    @POST
    @Path("/{id}/approve")
    public ErasureService.ErasureView approve(@PathParam("id") UUID id) {
        return erasures.approve(id, Caller.of(identity));
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    public ErasureService.ErasureView reject(@PathParam("id") UUID id, Rejection body) {
        if (body == null) {
            throw SitroomException.invalid("a rejection needs a body: {\"reason\": \"...\"}");
        }
        return erasures.reject(id, Caller.of(identity), body.reason());
    }
}
