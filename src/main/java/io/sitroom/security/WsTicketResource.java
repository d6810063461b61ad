package io.sitroom.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import io.quarkus.security.identity.SecurityIdentity;

/** {@code POST /api/ws-ticket}: a one-use ticket, valid 30 s, to open a room's WebSocket with {@code ?ticket=}. */
@Path("/api/ws-ticket")
@RolesAllowed({ Caller.USER, Caller.GUEST })
public class WsTicketResource {

    private final WsTickets tickets;
    private final SecurityIdentity identity;

    public WsTicketResource(WsTickets tickets, SecurityIdentity identity) {
        this.tickets = tickets;
        this.identity = identity;
    }

    /** {@code {ticket, expiresAt}}. */
    @POST
    public WsTickets.Issued issue() {
        return tickets.issue(Caller.tokenHashOf(identity));
    }
}
