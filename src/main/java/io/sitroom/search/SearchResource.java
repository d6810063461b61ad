package io.sitroom.search;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.sitroom.security.Caller;

/** {@code GET /api/search}: rooms and entries across every room the caller may read. Translates and delegates. */
@Path("/api/search")
@Authenticated
public class SearchResource {

    private static final String FIELD = "field.";

    private final SearchService search;
    private final SecurityIdentity identity;

    public SearchResource(SearchService search, SecurityIdentity identity) {
        this.search = search;
        this.identity = identity;
    }

    @GET
    public SearchResult search(@QueryParam("q") String q, @QueryParam("kind") String kind, @QueryParam("severity") String severity,
            @QueryParam("type") String type, @QueryParam("phase") String phase, @QueryParam("from") String from,
            @QueryParam("to") String to, @Context UriInfo uri) {
        Map<String, String> fields = new LinkedHashMap<>();
        uri.getQueryParameters().forEach((name, values) -> {
            if (name.startsWith(FIELD) && name.length() > FIELD.length() && !values.isEmpty()) {
                fields.put(name.substring(FIELD.length()), values.get(0));
            }
        });
        return search.search(Caller.of(identity).userId(), SearchQuery.of(q, kind, severity, type, phase, from, to, fields));
    }
}
