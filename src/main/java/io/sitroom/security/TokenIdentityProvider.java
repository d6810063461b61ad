package io.sitroom.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Turns a bearer token into the identity of its account (principal name = user id). */
@ApplicationScoped
public class TokenIdentityProvider implements IdentityProvider<SitroomTokenRequest> {

    private final TokenService tokens;
    private final Instance<ServiceTokens> services;

    public TokenIdentityProvider(TokenService tokens, Instance<ServiceTokens> services) {
        this.tokens = tokens;
        this.services = services;
    }

    @Override
    public Class<SitroomTokenRequest> getRequestType() {
        return SitroomTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SitroomTokenRequest request, AuthenticationRequestContext context) {
        String token = request.getToken().getToken();
        for (ServiceTokens service : services) {
            if (token.startsWith(service.prefix())) {
                return context.runBlocking(() -> service.identify(token).orElseThrow(AuthenticationFailedException::new));
            }
        }
        return context.runBlocking(() -> {
            AppUser user = tokens.resolve(token).orElseThrow(AuthenticationFailedException::new);
            QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(user.id.toString()))
                    .addRole(user.isGuest() ? Caller.GUEST : Caller.USER)
                    .addAttribute(Caller.DISPLAY_NAME, user.displayName)
                    .addAttribute(Caller.USERNAME, user.username)
                    .addAttribute(Caller.TOKEN_HASH, io.sitroom.crypto.Sha256.hex(token));
            if (user.admin) {
                identity.addRole(Caller.ADMIN);
            }
            return identity.build();
        });
    }
}
