package io.sitroom.security;

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
 * When the provider names itself in its answer ({@code iss} on the callback, RFC 9207), it must be the configured
 * provider: an answer from another one (a mix-up) is refused with 400 before quarkus-oidc exchanges its code.
 * Installed ahead of authentication (which is where quarkus-oidc handles the callback).
 */
@ApplicationScoped
public class OidcCallbackIssuerCheck {

    /** Runs before the authentication handler (order -200). */
    static final int ORDER = -250;

    private final OidcIssuer issuer;
    private final ObjectMapper mapper;

    public OidcCallbackIssuerCheck(OidcIssuer issuer, ObjectMapper mapper) {
        this.issuer = issuer;
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        router.route(OidcResource.CALLBACK_PATH).order(ORDER).handler(this::check);
    }

    void check(RoutingContext context) {
        String iss = context.request().getParam("iss");
        if (iss == null || issuer.configured().isEmpty() || issuer.isConfigured(iss)) {
            context.next();
            return;
        }
        String body;
        try {
            body = mapper.writeValueAsString(new ApiError(ErrorCode.INVALID, "the sign-in answer comes from another provider than this server's")
                    .asBody());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        context.response().setStatusCode(400).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end(body);
    }
}
