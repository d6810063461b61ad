package io.sitroom.statuspage;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * The public status page, for anyone, without signing in: the HTML page and its Atom feed (the Statuspage
 * API is {@link StatuspageApiResource}). Answers carry an ETag and may be kept by browsers and proxies for
 * {@code sitroom.status-page.max-age}.
 */
@Path("/status")
public class StatusPageResource {

    private final StatusPage page;

    public StatusPageResource(StatusPage page) {
        this.page = page;
    }

    @GET
    public Response html(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        return answer(acceptEncoding, StatusPage.Document.HTML, ifNoneMatch);
    }

    @GET
    @Path("feed.atom")
    public Response atom(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        return answer(acceptEncoding, StatusPage.Document.ATOM, ifNoneMatch);
    }

    private Response answer(String acceptEncoding, StatusPage.Document document, String ifNoneMatch) {
        return StatusPageAnswers.of(page.answer(document, ifNoneMatch, acceptEncoding));
    }
}
