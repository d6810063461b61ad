package io.sitroom.security;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/**
 * A Sitroom bearer token (or an integration's {@code sri_} token), or a one-use WebSocket ticket, to check. A
 * type of its own, not quarkus' {@code TokenAuthenticationRequest}: with company sign-in on, quarkus-oidc's
 * identity provider takes those, and neither provider must ever be handed the other's tokens.
 */
public final class SitroomTokenRequest extends BaseAuthenticationRequest {

    private final TokenCredential token;
    private final boolean ticket;

    public SitroomTokenRequest(String token) {
        this(token, false);
    }

    private SitroomTokenRequest(String token, boolean ticket) {
        this.token = new TokenCredential(token, ticket ? "ticket" : "bearer");
        this.ticket = ticket;
    }

    /** A ticket from {@code POST /api/ws-ticket}: it stands for the token it was issued to, once. */
    public static SitroomTokenRequest ticket(String ticket) {
        return new SitroomTokenRequest(ticket, true);
    }

    public TokenCredential getToken() {
        return token;
    }

    public boolean isTicket() {
        return ticket;
    }
}
