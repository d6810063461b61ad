package io.sitroom.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.sitroom.live.Drain;
import io.sitroom.live.RoomFanout;
import io.sitroom.security.OidcProviderWatch;

/**
 * Readiness: whether this node takes new traffic. DOWN only while it drains (SIGTERM), not while the database is
 * away: a database outage is the same for every node, so a balancer that followed it would take every node out at
 * once and cut every socket, which otherwise survive the outage (requests meanwhile answer 503 with Retry-After by
 * themselves). The database has its own group, {@code /q/health/group/database}, for monitoring. The data carries
 * the node's socket count, a hint for spreading new sockets after a failover, and, with company sign-in on, whether
 * its provider answers (not a reason to take the node out either: {@code /q/health/group/sign-in}).
 */
@Readiness
@ApplicationScoped
public class NodeReadiness implements HealthCheck {

    private final Drain drain;
    private final RoomFanout fanout;
    private final OidcProviderWatch signIn;

    public NodeReadiness(Drain drain, RoomFanout fanout, OidcProviderWatch signIn) {
        this.drain = drain;
        this.fanout = fanout;
        this.signIn = signIn;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("sitroom-node").status(!drain.draining())
                .withData("draining", drain.draining())
                .withData("sockets", fanout.connections());
        if (signIn.enabled()) {
            response.withData("companySignIn", signIn.unreachable() ? "provider unreachable" : "ok");
        }
        return response.build();
    }
}
