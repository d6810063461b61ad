package io.sitroom.exercise;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.sitroom.security.Caller;

/** An exercise's playback: the facilitator's whole timeline and scoring, or a player's delivered injects. */
@Path("/api/rooms/{id}/exercise")
@Authenticated
public class ExerciseResource {

    private final ExerciseFeature exercises;
    private final SecurityIdentity identity;

    public ExerciseResource(ExerciseFeature exercises, SecurityIdentity identity) {
        this.exercises = exercises;
        this.identity = identity;
    }

    @GET
    public ExerciseView get(@PathParam("id") UUID roomId) {
        return exercises.view(roomId, Caller.of(identity).userId());
    }
}
