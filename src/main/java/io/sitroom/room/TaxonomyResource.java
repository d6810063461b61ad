package io.sitroom.room;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import io.sitroom.crypto.Sha256;
import io.sitroom.security.Caller;

/**
 * The deployment's severities and phases, for accounts and guests (nothing in it belongs to a room); the same
 * until the deployment's file changes.
 */
@Path("/api/taxonomy")
@RolesAllowed({ Caller.USER, Caller.GUEST })
public class TaxonomyResource {

    private final Taxonomy.View view;
    private final EntityTag tag;

    public TaxonomyResource(Taxonomy taxonomy) {
        this.view = taxonomy.view();
        this.tag = new EntityTag(Sha256.hex(view.toString()).substring(0, 32));
    }

    @GET
    public Response get(Request request) {
        CacheControl cache = new CacheControl();
        cache.setPrivate(true);
        cache.setNoCache(true);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        return (notModified != null ? notModified : Response.ok(view)).tag(tag).cacheControl(cache).build();
    }
}
