package io.sitroom.decision;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.sitroom.security.Caller;

/** The decision log of a room, for its members. Decisions are made with commands. */
@Path("/api/rooms/{id}/decisions")
@Authenticated
public class DecisionResource {

    private final DecisionFeature decisions;
    private final SecurityIdentity identity;

    public DecisionResource(DecisionFeature decisions, SecurityIdentity identity) {
        this.decisions = decisions;
        this.identity = identity;
    }

    @GET
    public List<DecisionView> list(@PathParam("id") UUID roomId) {
        return decisions.list(roomId, Caller.of(identity).userId());
    }
}
