package io.sitroom.statuspage;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * The public status page's read API, shaped as Atlassian Statuspage's public API (v2), so that its widgets
 * and monitors read it; for anyone, without signing in, with an ETag and caching headers.
 */
@Path("/api/v2")
public class StatuspageApiResource {

    private final StatusPage page;

    public StatuspageApiResource(StatusPage page) {
        this.page = page;
    }

    @GET
    @Path("status.json")
    public Response status(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        return answer(acceptEncoding, StatusPage.Document.STATUS, ifNoneMatch);
    }

    @GET
    @Path("summary.json")
    public Response summary(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        return answer(acceptEncoding, StatusPage.Document.SUMMARY, ifNoneMatch);
    }

    @GET
    @Path("incidents.json")
    public Response incidents(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        return answer(acceptEncoding, StatusPage.Document.INCIDENTS, ifNoneMatch);
    }

    @GET
    @Path("incidents/unresolved.json")
    public Response unresolved(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        return answer(acceptEncoding, StatusPage.Document.UNRESOLVED, ifNoneMatch);
    }

    private Response answer(String acceptEncoding, StatusPage.Document document, String ifNoneMatch) {
        return StatusPageAnswers.of(page.answer(document, ifNoneMatch, acceptEncoding));
    }
}
