package io.sitroom.hseep;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.sitroom.error.SitroomException;
import io.sitroom.security.Caller;

/**
 * HSEEP documents, {@code <name>.html} (printable) or {@code <name>.pdf}: of a scenario in the library
 * (accounts; exercise guests never: it is the script), and of an exercise (its members, as
 * {@link HseepDocuments#ofExercise} allows).
 */
@Path("/api")
public class HseepResource {

    private final HseepDocuments documents;
    private final SecurityIdentity identity;

    public HseepResource(HseepDocuments documents, SecurityIdentity identity) {
        this.documents = documents;
        this.identity = identity;
    }

    @GET
    @Path("/scenarios/{id}/documents/{document}")
    @RolesAllowed(Caller.USER)
    public Response ofScenario(@PathParam("id") String id, @PathParam("document") String document, @QueryParam("version") Integer version) {
        Named named = Named.of(document);
        return send(documents.ofScenario(id, version, HseepDocuments.Kind.of(named.name()), named.pdf()));
    }

    @GET
    @Path("/exercises/{roomId}/documents/{document}")
    @Authenticated
    public Response ofExercise(@PathParam("roomId") UUID roomId, @PathParam("document") String document) {
        Named named = Named.of(document);
        return send(documents.ofExercise(roomId, Caller.of(identity).userId(), HseepDocuments.Kind.of(named.name()), named.pdf()));
    }

    /** {@code sitman.pdf} -> sitman, as PDF. */
    private record Named(String name, boolean pdf) {
        static Named of(String document) {
            if (document.endsWith(".pdf")) {
                return new Named(document.substring(0, document.length() - 4), true);
            }
            if (document.endsWith(".html")) {
                return new Named(document.substring(0, document.length() - 5), false);
            }
            throw SitroomException.notFound("a document is <name>.html or <name>.pdf");
        }
    }

    private static Response send(HseepDocuments.Rendered rendered) {
        return Response.ok(rendered.body(), rendered.mediaType())
                .header("Content-Disposition", (rendered.mediaType().startsWith("application/pdf") ? "attachment" : "inline") + "; filename=\""
                        + rendered.filename() + "\"")
                .header("Cache-Control", "no-store").build();
    }
}
