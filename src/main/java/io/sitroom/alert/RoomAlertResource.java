package io.sitroom.alert;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.sitroom.security.Caller;

/** The alerts a room holds and their states, for its members. */
@Path("/api/rooms/{id}/alerts")
@Authenticated
public class RoomAlertResource {

    private final AlertFeature alerts;
    private final SecurityIdentity identity;

    public RoomAlertResource(AlertFeature alerts, SecurityIdentity identity) {
        this.alerts = alerts;
        this.identity = identity;
    }

    @GET
    public List<AlertView> list(@PathParam("id") UUID roomId) {
        return alerts.list(roomId, Caller.of(identity).userId());
    }
}
