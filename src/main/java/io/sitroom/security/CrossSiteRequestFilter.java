package io.sitroom.security;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.sitroom.error.ApiError;
import io.sitroom.error.ErrorCode;
import io.sitroom.limits.LimitsConfig;

/**
 * Refuses, with {@code 403 forbidden} and before any resource runs, a REST request that may have been made by a
 * page of another site in the visitor's name ({@link BrowserSession#refusal}).
 */
public class CrossSiteRequestFilter {

    private final List<String> allowedOrigins;

    public CrossSiteRequestFilter(LimitsConfig limits) {
        this.allowedOrigins = limits.allowedOrigins().orElse(List.of());
    }

    /**
     * Plain HTML forms anyone may post without signing in (a mailed link's button, the status page's subscribe
     * form, a mail client's one-click unsubscribe): they never act as the cookie's account, so a cookie the browser
     * sends along proves nothing and is no reason to refuse them.
     */
    static final java.util.Set<String> ANONYMOUS_FORMS = java.util.Set.of("/api/account/email/confirm", "/status/subscribe",
            "/status/confirm", "/status/unsubscribe");

    @ServerRequestFilter(preMatching = true)
    public Response refuseCrossSite(ContainerRequestContext request) {
        if (ANONYMOUS_FORMS.contains(request.getUriInfo().getPath())) {
            return null;
        }
        Map<String, String> cookies = new HashMap<>();
        request.getCookies().forEach((name, cookie) -> cookies.put(name, cookie.getValue()));
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String refusal = BrowserSession.refusal(request.getMethod(), BrowserSession.requested(request::getHeaderString),
                BrowserSession.tokenOf(cookies) != null, authorization != null && !authorization.isBlank(),
                request.getHeaderString("Origin"), request.getHeaderString(HttpHeaders.HOST), allowedOrigins);
        if (refusal == null) {
            return null;
        }
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(ErrorCode.FORBIDDEN, refusal).asBody()).build();
    }
}
