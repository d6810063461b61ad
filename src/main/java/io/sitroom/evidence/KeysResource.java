package io.sitroom.evidence;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.identity.SecurityIdentity;
import io.sitroom.chain.Jwk;
import io.sitroom.error.SitroomException;
import io.sitroom.security.Caller;

/** The keys that sign checkpoints (docs/evidence.md): published for anyone, rotated by the admin. */
@Path("/api")
public class KeysResource {

    private final Checkpoints checkpoints;
    private final SecurityIdentity identity;

    public KeysResource(Checkpoints checkpoints, SecurityIdentity identity) {
        this.checkpoints = checkpoints;
        this.identity = identity;
    }

    /** The JWK Set of every key that signed or signs checkpoints; public, so that anyone can pin and witness it. */
    @GET
    @Path("/keys")
    @PermitAll
    @Produces({ MediaType.APPLICATION_JSON, "application/jwk-set+json" })
    public Response keys() {
        return Response.ok(checkpoints.published()).header("Cache-Control", "no-cache").build();
    }

    /** A new signing key; earlier ones stay published so that their checkpoints keep verifying. */
    @POST
    @Path("/admin/keys/rotate")
    @RolesAllowed(Caller.ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    public Jwk rotate() {
        if (!checkpoints.enabled()) {
            throw SitroomException.conflict("checkpoint signing is off: the server has no SITROOM_EVIDENCE_KEY");
        }
        return checkpoints.rotate(Caller.of(identity));
    }
}
