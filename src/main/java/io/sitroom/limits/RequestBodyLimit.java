package io.sitroom.limits;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.sitroom.error.ApiError;
import io.sitroom.error.ErrorCode;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Request bodies are at most {@code sitroom.limits.max-body-size} (1 MiB), except on the paths of
 * {@code sitroom.limits.large-body-paths} (alert intake: one Alertmanager notification holds a whole
 * alert group, thousands of alerts), which the HTTP layer's larger {@code quarkus.http.limits.max-body-size}
 * bounds. Checked from {@code Content-Length} before the body is read: {@code 413 too_large} with the
 * protocol's error body. A chunked body (no length) is bounded by the HTTP layer's limit alone.
 */
@ApplicationScoped
public class RequestBodyLimit {

    private final long maxBytes;
    private final Set<String> largeBodyPaths;
    private final String refusal;

    public RequestBodyLimit(LimitsConfig config, ObjectMapper json) throws JsonProcessingException {
        this.maxBytes = config.maxBodySize();
        this.largeBodyPaths = Set.copyOf(config.largeBodyPaths());
        this.refusal = json.writeValueAsString(new ApiError(ErrorCode.TOO_LARGE, "the request body is over " + describe(maxBytes)).asBody());
    }

    void register(@Observes Router router) {
        router.route().order(-200).handler(this::check);
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && !largeBodyPaths.contains(context.normalizedPath()) && tooLong(length)) {
            context.response().setStatusCode(ErrorCode.TOO_LARGE.httpStatus()).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .putHeader(HttpHeaders.CONNECTION, "close").end(refusal);
            return;
        }
        context.next();
    }

    private boolean tooLong(String length) {
        try {
            return Long.parseLong(length.strip()) > maxBytes;
        } catch (NumberFormatException e) {
            return false; // the HTTP layer refuses a malformed length itself
        }
    }

    private static String describe(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes + " bytes";
    }
}
