package io.sitroom.security;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/**
 * A Sitroom bearer token (or an integration's {@code sri_} token) to check. A type of its own, not quarkus'
 * {@code TokenAuthenticationRequest}: with company sign-in on, quarkus-oidc's identity provider takes those,
 * and neither provider must ever be handed the other's tokens.
 */
public final class SitroomTokenRequest extends BaseAuthenticationRequest {

    private final TokenCredential token;

    public SitroomTokenRequest(String token) {
        this.token = new TokenCredential(token, "bearer");
    }

    public TokenCredential getToken() {
        return token;
    }
}
