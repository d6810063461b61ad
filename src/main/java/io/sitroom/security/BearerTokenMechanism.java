package io.sitroom.security;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads {@code Authorization: Bearer <token>}; on a WebSocket upgrade (where browsers cannot set
 * headers) also {@code ?ticket=} (a one-use ticket, what the web app sends) or {@code ?token=} (for other
 * clients); on any other request, without those, the browser session's cookie ({@link BrowserSession}; what may
 * be done with it alone is {@link CrossSiteRequestFilter}'s to say). No token means anonymous; a bad token or
 * ticket fails with 401, a cookie that no longer works means anonymous. On {@code /q/metrics} the
 * operator's metrics token is also accepted.
 */
@ApplicationScoped
public class BearerTokenMechanism implements HttpAuthenticationMechanism {

    private static final String PREFIX = "Bearer ";
    private static final HttpCredentialTransport TRANSPORT = new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "bearer");

    private final Instance<ServiceTokens> services;
    private final MetricsToken metricsToken;

    public BearerTokenMechanism(Instance<ServiceTokens> services, MetricsToken metricsToken) {
        this.services = services;
        this.metricsToken = metricsToken;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String token = tokenOf(context);
        if (token == null) {
            String ticket = ticketOf(context);
            if (ticket != null) {
                return identityProviderManager.authenticate(SitroomTokenRequest.ticket(ticket));
            }
            String session = sessionCookieOf(context);
            // A cookie that no longer works (signed out elsewhere, expired) leaves the caller anonymous rather than
            // refused: the sign-in page must still be able to sign in, and a signed-in path answers 401 anyway.
            return session == null ? Uni.createFrom().nullItem()
                    : identityProviderManager.authenticate(SitroomTokenRequest.cookie(session))
                            .onFailure(AuthenticationFailedException.class).recoverWithNull();
        }
        var scraper = metricsToken.identify(token, context.normalizedPath());
        if (scraper.isPresent()) {
            return Uni.createFrom().item(scraper.get());
        }
        for (ServiceTokens service : services) {
            if (token.startsWith(service.prefix()) && !service.validOn(context.normalizedPath())) {
                // A system's token opens its own feature's paths and nothing else.
                return Uni.createFrom().nullItem();
            }
        }
        return identityProviderManager.authenticate(isWebSocketUpgrade(context) ? SitroomTokenRequest.upgrade(token)
                : new SitroomTokenRequest(token));
    }

    static String tokenOf(RoutingContext context) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            String token = header.substring(PREFIX.length()).strip();
            return token.isEmpty() ? null : token;
        }
        if (isWebSocketUpgrade(context)) {
            String token = context.request().getParam("token");
            return token == null || token.isBlank() ? null : token;
        }
        return null;
    }

    /**
     * The browser session's token from its cookie, on any request but a WebSocket upgrade: the web app opens rooms
     * with a one-use ticket, so no socket is ever opened by the ambient cookie alone.
     */
    static String sessionCookieOf(RoutingContext context) {
        if (isWebSocketUpgrade(context)) {
            return null;
        }
        java.util.Map<String, String> cookies = new java.util.HashMap<>();
        for (io.vertx.core.http.Cookie cookie : context.request().cookies()) {
            cookies.put(cookie.getName(), cookie.getValue());
        }
        return BrowserSession.tokenOf(cookies);
    }

    /** A WebSocket upgrade's {@code ?ticket=}, when it carries no token. */
    static String ticketOf(RoutingContext context) {
        if (!isWebSocketUpgrade(context)) {
            return null;
        }
        String ticket = context.request().getParam("ticket");
        return ticket == null || ticket.isBlank() ? null : ticket;
    }

    private static boolean isWebSocketUpgrade(RoutingContext context) {
        String upgrade = context.request().getHeader(HttpHeaders.UPGRADE);
        return upgrade != null && upgrade.equalsIgnoreCase("websocket");
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    /**
     * Named so that HTTP permissions can select it by path ({@code auth-mechanism=bearer}): every path but
     * company sign-in's own uses this mechanism alone, so no cookie ever authenticates an API call.
     */
    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(TRANSPORT);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(SitroomTokenRequest.class);
    }
}
