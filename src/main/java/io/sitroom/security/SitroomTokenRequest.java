package io.sitroom.security;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/**
 * A Sitroom bearer token (or an integration's {@code sri_} token), or a one-use WebSocket ticket, to check. A
 * type of its own, not quarkus' {@code TokenAuthenticationRequest}: with company sign-in on, quarkus-oidc's
 * identity provider takes those, and neither provider must ever be handed the other's tokens.
 */
public final class SitroomTokenRequest extends BaseAuthenticationRequest {

    /** How the token came: in the Authorization header (or a non-browser's upgrade), as a ticket, in the session cookie. */
    public enum Carrier {
        BEARER, TICKET, COOKIE
    }

    private final TokenCredential token;
    private final Carrier carrier;
    private final boolean upgrade;

    public SitroomTokenRequest(String token) {
        this(token, Carrier.BEARER, false);
    }

    private SitroomTokenRequest(String token, Carrier carrier, boolean upgrade) {
        this.token = new TokenCredential(token, carrier.name().toLowerCase(java.util.Locale.ROOT));
        this.carrier = carrier;
        this.upgrade = upgrade;
    }

    /** A token (header or {@code ?token=}) that opens a WebSocket: its sign-in may be one remembered ({@link UpgradeSignIns}). */
    public static SitroomTokenRequest upgrade(String token) {
        return new SitroomTokenRequest(token, Carrier.BEARER, true);
    }

    /** A ticket from {@code POST /api/ws-ticket}: it stands for the token it was issued to, once. */
    public static SitroomTokenRequest ticket(String ticket) {
        return new SitroomTokenRequest(ticket, Carrier.TICKET, true);
    }

    /** The token of a browser session, from its cookie ({@link BrowserSession}): a sign-in token, never a system's. */
    public static SitroomTokenRequest cookie(String token) {
        return new SitroomTokenRequest(token, Carrier.COOKIE, false);
    }

    /** Whether the request opens a WebSocket. */
    public boolean isUpgrade() {
        return upgrade;
    }

    public Carrier carrier() {
        return carrier;
    }

    public TokenCredential getToken() {
        return token;
    }

    public boolean isTicket() {
        return carrier == Carrier.TICKET;
    }
}
