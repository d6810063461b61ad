package io.sitroom.hseep;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import io.sitroom.error.SitroomException;
import io.sitroom.security.Caller;

/**
 * HSEEP documents of a scenario in the library, {@code <name>.html} (printable) or {@code <name>.pdf}:
 * for accounts (exercise guests never: it is the script).
 */
@Path("/api/scenarios")
@RolesAllowed(Caller.USER)
public class ScenarioDocumentsResource {

    private final HseepDocuments documents;

    public ScenarioDocumentsResource(HseepDocuments documents) {
        this.documents = documents;
    }

    @GET
    @Path("/{id}/documents/{document}")
    public Response ofScenario(@PathParam("id") String id, @PathParam("document") String document, @QueryParam("version") Integer version) {
        Named named = Named.of(document);
        return send(documents.ofScenario(id, version, HseepDocuments.Kind.of(named.name()), named.pdf()));
    }

    /** {@code sitman.pdf} -> sitman, as PDF. */
    record Named(String name, boolean pdf) {
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

    static Response send(HseepDocuments.Rendered rendered) {
        return Response.ok(rendered.body(), rendered.mediaType())
                .header("Content-Disposition", (rendered.mediaType().startsWith("application/pdf") ? "attachment" : "inline") + "; filename=\""
                        + rendered.filename() + "\"")
                .header("Cache-Control", "no-store").build();
    }
}
