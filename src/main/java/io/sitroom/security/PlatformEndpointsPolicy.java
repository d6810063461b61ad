package io.sitroom.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Guards the platform's own endpoints outside dev mode (an HTTP permission selects it by name for
 * {@code /q/metrics}, {@code /q/openapi}, {@code /q/swagger-ui}): the admin may read them all, the metrics token
 * opens {@code /q/metrics} only; anyone else gets 401 (no or a bad token) or 403. {@code /q/health} stays open.
 */
@ApplicationScoped
public class PlatformEndpointsPolicy implements HttpSecurityPolicy {

    static final String NAME = "sitroom-platform";
    static final String METRICS_PATH = "/q/metrics";

    private final boolean open;

    public PlatformEndpointsPolicy(SecurityConfig config) {
        this.open = config.platformEndpoints() == SecurityConfig.PlatformEndpoints.OPEN;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Uni<CheckResult> checkPermission(RoutingContext request, Uni<SecurityIdentity> identity, AuthorizationRequestContext context) {
        if (open) {
            return Uni.createFrom().item(CheckResult.PERMIT);
        }
        boolean metrics = isMetrics(request.normalizedPath());
        return identity.map(who -> who != null && (who.hasRole(Caller.ADMIN) || (metrics && who.hasRole(MetricsToken.ROLE)))
                ? CheckResult.PERMIT
                : CheckResult.DENY);
    }

    static boolean isMetrics(String path) {
        return path.equals(METRICS_PATH) || path.startsWith(METRICS_PATH + "/");
    }
}
