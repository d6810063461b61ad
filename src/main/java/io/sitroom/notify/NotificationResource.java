package io.sitroom.notify;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import io.quarkus.security.identity.SecurityIdentity;
import io.sitroom.error.SitroomException;
import io.sitroom.security.Caller;

/** The signed-in person's notification preferences. */
@Path("/api/account/notifications")
@RolesAllowed(Caller.USER)
public class NotificationResource {

    private final NotificationPreferences preferences;
    private final SecurityIdentity identity;

    public NotificationResource(NotificationPreferences preferences, SecurityIdentity identity) {
        this.preferences = preferences;
        this.identity = identity;
    }

    public record Preferences(List<String> kinds, Boolean digest) {
    }

    @GET
    public NotificationPreferences.View get() {
        return preferences.of(Caller.of(identity).userId());
    }

    /** {@code {"kinds": [...], "digest": false}}: replaces the preferences. */
    @PUT
    public NotificationPreferences.View set(Preferences request) {
        if (request == null) {
            throw SitroomException.invalid("a body {\"kinds\": [...], \"digest\": false} is required");
        }
        return preferences.set(Caller.of(identity).userId(), request.kinds(), request.digest());
    }
}
