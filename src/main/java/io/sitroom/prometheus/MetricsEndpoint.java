package io.sitroom.prometheus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/**
 * {@code /q/metrics} with the content negotiation Prometheus expects. The framework's own handler
 * answers OpenMetrics only when the {@code Accept} header names no {@code text/plain} at all (so
 * Prometheus, which offers both, always got the text format), and 406 to
 * {@code application/openmetrics-text; version=1.0.0} without a charset. This route comes before the
 * framework's and picks by {@code q}; it comes after the HTTP layer's authentication and authorisation
 * filters (orders -200 and -100), so the path's permission holds as for every route.
 */
@ApplicationScoped
public class MetricsEndpoint {

    static final String PATH = "/q/metrics";
    /** After the security filters (-200, -100), before every route of default order (0 and up). */
    private static final int ORDER = -1;

    private final PrometheusMeterRegistry registry;

    public MetricsEndpoint(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    void register(@Observes Router router) {
        router.get(PATH).order(ORDER).handler(context -> {
            ExpositionFormat format = ExpositionFormat.of(context.request().getHeader(HttpHeaders.ACCEPT));
            context.response().putHeader(HttpHeaders.CONTENT_TYPE, format.contentType()).putHeader(HttpHeaders.VARY, "Accept")
                    .end(registry.scrape(format.contentType()));
        });
    }
}
