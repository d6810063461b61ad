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
 * {@code application/openmetrics-text; version=1.0.0} without a charset. This route comes first and
 * picks by {@code q}; authorisation of the path is the HTTP layer's, as for every route.
 */
@ApplicationScoped
public class MetricsEndpoint {

    static final String PATH = "/q/metrics";

    private final PrometheusMeterRegistry registry;

    public MetricsEndpoint(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    void register(@Observes Router router) {
        router.get(PATH).order(-100).handler(context -> {
            ExpositionFormat format = ExpositionFormat.of(context.request().getHeader(HttpHeaders.ACCEPT));
            context.response().putHeader(HttpHeaders.CONTENT_TYPE, format.contentType()).putHeader(HttpHeaders.VARY, "Accept")
                    .end(registry.scrape(format.contentType()));
        });
    }
}
