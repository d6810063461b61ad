package io.sitroom.metrics;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.sitroom.security.Caller;

/**
 * Response metrics: of one room ({@code ?roomId=}, a {@link RoomMetrics}), or of every room the caller
 * belongs to, with totals (a {@link MetricsSummary}).
 */
@Path("/api/metrics")
@Authenticated
public class MetricsResource {

    private final MetricsService metrics;
    private final SecurityIdentity identity;

    public MetricsResource(MetricsService metrics, SecurityIdentity identity) {
        this.metrics = metrics;
        this.identity = identity;
    }

    // One method for both answers keeps the path as it was; the two shapes are typed records.
    @GET
    public Object get(@QueryParam("roomId") UUID roomId) {
        UUID me = Caller.of(identity).userId();
        return roomId == null ? metrics.forUser(me) : metrics.forMember(roomId, me);
    }
}
