package io.sitroom.debrief;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * A debrief, read with its link alone (no sign-in): the token is the only key. It travels in a header, never in a
 * path or query, so no proxy's access log keeps it (the link's page carries it after {@code #}, which browsers
 * never send).
 */
@Path("/api/debrief")
@PermitAll
public class DebriefPublicResource {

    private final DebriefService debriefs;

    public DebriefPublicResource(DebriefService debriefs) {
        this.debriefs = debriefs;
    }

    static final String TOKEN_HEADER = "X-Debrief-Token";

    @GET
    public Response read(@HeaderParam(TOKEN_HEADER) String token) {
        // no-store: a shared computer's cache must not keep it past the link's revocation; no-referrer: the token is in the page's address.
        return Response.ok(debriefs.read(token)).header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer").build();
    }
}
