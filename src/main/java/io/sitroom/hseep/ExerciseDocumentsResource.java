package io.sitroom.hseep;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.sitroom.security.Caller;

/** HSEEP documents of an exercise, {@code <name>.html} or {@code <name>.pdf}: for its members, as {@link HseepDocuments#ofExercise} allows. */
@Path("/api/exercises")
@Authenticated
public class ExerciseDocumentsResource {

    private final HseepDocuments documents;
    private final SecurityIdentity identity;

    public ExerciseDocumentsResource(HseepDocuments documents, SecurityIdentity identity) {
        this.documents = documents;
        this.identity = identity;
    }

    @GET
    @Path("/{roomId}/documents/{document}")
    public Response ofExercise(@PathParam("roomId") UUID roomId, @PathParam("document") String document) {
        ScenarioDocumentsResource.Named named = ScenarioDocumentsResource.Named.of(document);
        return ScenarioDocumentsResource.send(documents.ofExercise(roomId, Caller.of(identity).userId(),
                HseepDocuments.Kind.of(named.name()), named.pdf()));
    }
}
