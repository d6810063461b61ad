package io.sitroom.evidence;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.sitroom.chain.Checkpoint;
import io.sitroom.security.Caller;

/** A room's signed checkpoints, oldest first, for its members (docs/evidence.md). */
@Path("/api/rooms/{id}/checkpoints")
@Authenticated
public class CheckpointResource {

    private final Checkpoints checkpoints;
    private final SecurityIdentity identity;

    public CheckpointResource(Checkpoints checkpoints, SecurityIdentity identity) {
        this.checkpoints = checkpoints;
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<Checkpoint> list(@PathParam("id") UUID roomId) {
        return checkpoints.forMember(roomId, Caller.of(identity).userId());
    }
}
