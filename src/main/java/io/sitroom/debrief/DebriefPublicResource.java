package io.sitroom.debrief;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** A debrief, read with its link alone (no sign-in): the token is the only key. */
@Path("/api/debrief")
@PermitAll
public class DebriefPublicResource {

    private final DebriefService debriefs;

    public DebriefPublicResource(DebriefService debriefs) {
        this.debriefs = debriefs;
    }

    @GET
    @Path("/{token}")
    public Response read(@PathParam("token") String token) {
        // no-store: a shared computer's cache must not keep it past the link's revocation; no-referrer: the token is in the page's address.
        return Response.ok(debriefs.read(token)).header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer").build();
    }
}
