package io.sitroom.exercise;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.sitroom.security.Caller;

/** The participant feedback form of an exercise: its objectives, the reader's answers, and for the facilitator everyone's. */
@Path("/api/rooms/{id}/feedback")
@Authenticated
public class FeedbackResource {

    private final FeedbackService feedback;
    private final SecurityIdentity identity;

    public FeedbackResource(FeedbackService feedback, SecurityIdentity identity) {
        this.feedback = feedback;
        this.identity = identity;
    }

    @GET
    public FeedbackService.FeedbackView get(@PathParam("id") UUID roomId) {
        return feedback.view(roomId, Caller.of(identity).userId());
    }
}
