package io.sitroom.room;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.sitroom.error.SitroomException;
import io.sitroom.role.Role;
import io.sitroom.security.Caller;

/** Rooms over REST. Translates and delegates; the rules live in the services and deciders. */
@Path("/api/rooms")
@Authenticated
public class RoomResource {

    private final RoomService rooms;
    private final CommandHandler commands;
    private final SecurityIdentity identity;

    public RoomResource(RoomService rooms, CommandHandler commands, SecurityIdentity identity) {
        this.rooms = rooms;
        this.commands = commands;
        this.identity = identity;
    }

    public record NewMember(UUID userId, Set<Role> roles) {
    }

    public record EnvelopeBody(String commandId, String name, JsonNode data) {
    }

    @POST
    @jakarta.annotation.security.RolesAllowed(Caller.USER)
    public Response create(RoomService.NewRoom request) {
        if (request == null) {
            throw SitroomException.invalid("kind and title are required");
        }
        Caller me = caller();
        return Response.status(Response.Status.CREATED).entity(rooms.create(me.userId(), me.displayName(), request)).build();
    }

    @GET
    public List<RoomSummary> mine() {
        return rooms.listFor(caller().userId());
    }

    @GET
    @Path("/{id}")
    public RoomSnapshot get(@PathParam("id") UUID id) {
        return rooms.snapshot(id, caller().userId());
    }

    @POST
    @Path("/{id}/members")
    public Response addMember(@PathParam("id") UUID id, NewMember request) {
        if (request == null) {
            throw SitroomException.invalid("userId is required");
        }
        var data = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        data.put("userId", request.userId() == null ? null : request.userId().toString());
        var roles = data.putArray("roles");
        if (request.roles() != null) {
            request.roles().forEach(r -> roles.add(r.wire()));
        }
        CommandResult result = commands.handle(id, caller().userId(),
                new CommandEnvelope("member-" + UUID.randomUUID(), "member.add", data));
        return asResponse(result, Response.Status.CREATED);
    }

    /** Takes a member out of the room (the lead): {@code member.remove}. */
    @jakarta.ws.rs.DELETE
    @Path("/{id}/members/{userId}")
    public Response removeMember(@PathParam("id") UUID id, @PathParam("userId") UUID userId) {
        var data = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("userId", userId.toString());
        CommandResult result = commands.handle(id, caller().userId(), new CommandEnvelope("remove-" + UUID.randomUUID(), "member.remove", data));
        return asResponse(result, Response.Status.OK);
    }

    @POST
    @Path("/{id}/commands")
    public Response command(@PathParam("id") UUID id, EnvelopeBody body) {
        if (body == null) {
            throw SitroomException.invalid("a command envelope {commandId, name, data} is required");
        }
        CommandResult result = commands.handle(id, caller().userId(), new CommandEnvelope(body.commandId(), body.name(), body.data()));
        return asResponse(result, Response.Status.OK);
    }

    @GET
    @Path("/{id}/events")
    public EventPage events(@PathParam("id") UUID id, @QueryParam("since") Long since, @QueryParam("limit") Integer limit) {
        return rooms.events(id, caller().userId(), since == null ? 0 : since, limit);
    }

    @GET
    @Path("/{id}/verify")
    public ChainReport verify(@PathParam("id") UUID id) {
        return rooms.verify(id, caller().userId());
    }

    private Caller caller() {
        return Caller.of(identity);
    }

    private static Response asResponse(CommandResult result, Response.Status success) {
        int status = result.ok() ? success.getStatusCode() : result.error().code().httpStatus();
        return Response.status(status).entity(result).build();
    }
}
