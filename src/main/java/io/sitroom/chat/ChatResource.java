package io.sitroom.chat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.identity.SecurityIdentity;
import io.sitroom.error.SitroomException;
import io.sitroom.security.Caller;

/**
 * The chat platforms' endpoints (docs/chat.md). They take no Sitroom token: each request is verified the way its
 * platform signs it, and its user acts as the Sitroom account they linked. The bodies are read as text, so the
 * signature is checked over exactly the bytes that arrived. Besides them, the signed-in person's own endpoints: link
 * codes, their linked chat accounts, and (a room's incident commander or an admin) the room's chat channels.
 */
@Path("/api/chat")
@Produces(MediaType.APPLICATION_JSON)
public class ChatResource {

    private final SlackService slack;
    private final MattermostService mattermost;
    private final TeamsService teams;
    private final ChatAccounts accounts;
    private final TeamsWorkflows workflows;
    private final SecurityIdentity identity;

    public ChatResource(SlackService slack, MattermostService mattermost, TeamsService teams, ChatAccounts accounts,
            TeamsWorkflows workflows, SecurityIdentity identity) {
        this.workflows = workflows;
        this.slack = slack;
        this.mattermost = mattermost;
        this.teams = teams;
        this.accounts = accounts;
        this.identity = identity;
    }

    /** A one-time code that links a chat user to the signed-in account: {@code /sitroom link <code>}. */
    @POST
    @Path("/link-codes")
    @RolesAllowed(Caller.USER)
    public Response linkCode() {
        return Response.status(Response.Status.CREATED).entity(accounts.newCode(Caller.of(identity).userId())).build();
    }

    /** The chat accounts linked to the signed-in account. */
    @GET
    @Path("/links")
    @RolesAllowed(Caller.USER)
    public List<ChatAccounts.LinkView> links() {
        return accounts.links(Caller.of(identity).userId());
    }

    /** Unlinks one of them: that chat user acts for no one until linked again. */
    @DELETE
    @Path("/links/{id}")
    @RolesAllowed(Caller.USER)
    public Response unlink(@PathParam("id") String id) {
        accounts.unlink(Caller.of(identity), id);
        return Response.noContent().build();
    }

    /** The chat channels that follow a room (its incident commander or an admin). */
    @GET
    @Path("/rooms/{roomId}/channels")
    @RolesAllowed(Caller.USER)
    public List<TeamsWorkflows.ChannelView> channels(@PathParam("roomId") UUID roomId) {
        return workflows.channels(Caller.of(identity), roomId);
    }

    public record WorkflowRequest(String url) {
    }

    /** Gives a Teams channel the workflow URL the mirror posts to (a secret: never shown again). */
    @PUT
    @Path("/channels/{id}/teams-workflow")
    @RolesAllowed(Caller.USER)
    @Consumes(MediaType.APPLICATION_JSON)
    public TeamsWorkflows.ChannelView setWorkflow(@PathParam("id") UUID id, WorkflowRequest request) {
        if (request == null) {
            throw SitroomException.invalid("a body {\"url\": ...} is required");
        }
        return workflows.set(Caller.of(identity), id, request.url());
    }

    @DELETE
    @Path("/channels/{id}/teams-workflow")
    @RolesAllowed(Caller.USER)
    public Response removeWorkflow(@PathParam("id") UUID id) {
        workflows.remove(Caller.of(identity), id);
        return Response.noContent().build();
    }

    @POST
    @Path("/slack/commands")
    public Map<String, Object> slackCommand(@HeaderParam("X-Slack-Request-Timestamp") String timestamp,
            @HeaderParam("X-Slack-Signature") String signature, String body) {
        return slack.command(timestamp, signature, body);
    }

    @POST
    @Path("/slack/interactions")
    public Response slackInteraction(@HeaderParam("X-Slack-Request-Timestamp") String timestamp,
            @HeaderParam("X-Slack-Signature") String signature, String body) {
        slack.interaction(timestamp, signature, body);
        return Response.ok().build();
    }

    @POST
    @Path("/slack/events")
    public Map<String, Object> slackEvent(@HeaderParam("X-Slack-Request-Timestamp") String timestamp,
            @HeaderParam("X-Slack-Signature") String signature, String body) {
        return slack.event(timestamp, signature, body);
    }

    @POST
    @Path("/mattermost/commands")
    public Map<String, Object> mattermostCommand(String body) {
        return mattermost.command(body);
    }

    @POST
    @Path("/mattermost/actions")
    public Map<String, Object> mattermostAction(String body) {
        return mattermost.action(body);
    }

    @POST
    @Path("/teams/messages")
    public Map<String, Object> teamsMessage(@HeaderParam("Authorization") String authorization, String body) {
        return teams.message(authorization, body);
    }
}
