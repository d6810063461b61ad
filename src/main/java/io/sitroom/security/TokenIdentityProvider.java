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
    private final WsTickets tickets;
    private final Instance<ServiceTokens> services;
    private final RevocationsHeard revocations;
    private final UpgradeSignIns upgradeSignIns;

    public TokenIdentityProvider(TokenService tokens, WsTickets tickets, Instance<ServiceTokens> services,
            RevocationsHeard revocations, UpgradeSignIns upgradeSignIns) {
        this.revocations = revocations;
        this.upgradeSignIns = upgradeSignIns;
        this.tokens = tokens;
        this.tickets = tickets;
        this.services = services;
    }

    @Override
    public Class<SitroomTokenRequest> getRequestType() {
        return SitroomTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SitroomTokenRequest request, AuthenticationRequestContext context) {
        String token = request.getToken().getToken();
        if (request.isTicket()) {
            // The identity of the token the ticket was issued to, with that token's hash: the connection is closed
            // when that token expires or is revoked, as if it had been opened with the token itself.
            return context.runBlocking(() -> {
                String tokenHash = tickets.redeem(token).orElseThrow(AuthenticationFailedException::new);
                return identityOf(upgradeSignIns.signIn(tokenHash).orElseThrow(AuthenticationFailedException::new), tokenHash);
            });
        }
        for (ServiceTokens service : services) {
            if (request.carrier() == SitroomTokenRequest.Carrier.BEARER && token.startsWith(service.prefix())) {
                return context.runBlocking(() -> service.identify(token).orElseThrow(AuthenticationFailedException::new));
            }
        }
        return context.runBlocking(() -> {
            String tokenHash = io.sitroom.crypto.Sha256.hex(token);
            if (request.isUpgrade()) {
                return identityOf(upgradeSignIns.signIn(tokenHash).orElseThrow(AuthenticationFailedException::new), tokenHash);
            }
            // Before the read: a revocation after it is heard past this mark (see RevocationsHeard).
            long mark = revocations.mark();
            return identityOf(tokens.signedIn(tokenHash).orElseThrow(AuthenticationFailedException::new), tokenHash, mark);
        });
    }

    private static SecurityIdentity identityOf(UpgradeSignIns.SignIn signIn, String tokenHash) {
        return identityOf(signIn.signedIn(), tokenHash, signIn.revocationsMark());
    }

    private static SecurityIdentity identityOf(TokenService.SignedInUntil signedIn, String tokenHash, long revocationsMark) {
        AppUser user = signedIn.user();
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user.id.toString()))
                .addRole(user.isGuest() ? Caller.GUEST : Caller.USER)
                .addAttribute(Caller.DISPLAY_NAME, user.displayName)
                .addAttribute(Caller.USERNAME, user.username)
                .addAttribute(Caller.TOKEN_HASH, tokenHash)
                .addAttribute(Caller.TOKEN_EXPIRES_AT, signedIn.expiresAt())
                .addAttribute(Caller.REVOCATIONS_MARK, revocationsMark);
        if (user.admin) {
            identity.addRole(Caller.ADMIN);
        }
        return identity.build();
    }
}
