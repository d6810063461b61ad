package io.sitroom.statuspage;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** An answer of the page as HTTP: 200 with the body, or 304; always its ETag and caching headers. */
final class StatusPageAnswers {

    private StatusPageAnswers() {
    }

    static Response of(StatusPage.Answer answer) {
        Response.ResponseBuilder response = answer.notModified() ? Response.notModified()
                : Response.ok(answer.body()).header(HttpHeaders.CONTENT_TYPE, answer.contentType());
        if (answer.gzip() && !answer.notModified()) {
            // Already compressed: the HTTP layer passes an answer that names its encoding through as it is (for the media
            // types of quarkus.http.compress-media-types; the others it would mark identity).
            response.header(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        return response.header(HttpHeaders.ETAG, answer.etag()).header(HttpHeaders.CACHE_CONTROL, answer.cacheControl())
                .header(HttpHeaders.VARY, "Accept-Encoding").build();
    }
}
