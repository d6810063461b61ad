package io.sitroom.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.sitroom.alert.AlertResource;
import io.sitroom.alert.AlertService;
import io.smallrye.mutiny.Uni;

/** Turns a bearer token into the identity of its account (principal name = user id). */
@ApplicationScoped
public class TokenIdentityProvider implements IdentityProvider<SitroomTokenRequest> {

    private final TokenService tokens;
    private final AlertService integrations;

    public TokenIdentityProvider(TokenService tokens, AlertService integrations) {
        this.tokens = tokens;
        this.integrations = integrations;
    }

    @Override
    public Class<SitroomTokenRequest> getRequestType() {
        return SitroomTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SitroomTokenRequest request, AuthenticationRequestContext context) {
        String token = request.getToken().getToken();
        if (token.startsWith(AlertService.TOKEN_PREFIX)) {
            return context.runBlocking(() -> integrations.resolve(token)
                    .map(i -> (SecurityIdentity) QuarkusSecurityIdentity.builder()
                            .setPrincipal(new QuarkusPrincipal(AlertResource.INTEGRATION + ":" + i.id))
                            .addRole(AlertResource.INTEGRATION).build())
                    .orElseThrow(AuthenticationFailedException::new));
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
