package io.sitroom.retro;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.sitroom.security.Caller;

/** A closed incident as a scenario file. */
@Path("/api/rooms/{id}/as-scenario")
@Authenticated
public class RetroResource {

    private final RetroService retro;
    private final SecurityIdentity identity;

    public RetroResource(RetroService retro, SecurityIdentity identity) {
        this.retro = retro;
        this.identity = identity;
    }

    /** A closed incident as a scenario file, ready for {@code scenarios/}. */
    @GET
    public Response asScenario(@PathParam("id") UUID roomId) {
        return Response.ok(retro.asScenario(roomId, Caller.of(identity).userId()), "application/yaml; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"incident-" + roomId.toString().substring(0, 8) + ".yaml\"").build();
    }
}
