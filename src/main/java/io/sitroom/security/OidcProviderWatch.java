package io.sitroom.security;

import java.net.URI;
import java.time.Clock;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Whether the company's identity provider answers, with company sign-in on: its discovery document is read at start
 * and then every {@code sitroom.oidc.probe-interval}. Each change is logged once (never a stack trace per click),
 * {@code /q/health/group/sign-in} follows it, and while the provider is away a click on "Sign in with ..." ends on
 * the web app's sign-in error page (why, in plain words, and a way back) instead of a 500 from quarkus-oidc, which
 * cannot start a sign-in without the provider's metadata. Readiness is not taken down: an outage of the provider is
 * the same for every node, and password sign-in and open sessions keep working.
 */
@ApplicationScoped
public class OidcProviderWatch {

    private static final Logger LOG = Logger.getLogger(OidcProviderWatch.class);
    /** Runs before the authentication handler (order -200), like {@link OidcCallbackIssuerCheck}. */
    static final int ORDER = -250;
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** What the last probe found; {@code since} is when that became so. */
    public record State(boolean reachable, String reason, Instant since) {
    }

    private final Optional<URI> discovery;
    private final Duration interval;
    private final Vertx vertx;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();
    private final AtomicReference<State> state = new AtomicReference<>();
    private volatile long timer = -1;

    public OidcProviderWatch(@ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "false") boolean enabled,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> authServerUrl,
            SitroomOidcConfig config, Vertx vertx, Clock clock) {
        this.discovery = enabled ? authServerUrl.filter(u -> !u.isBlank()).map(OidcProviderWatch::discoveryOf) : Optional.empty();
        this.interval = config.probeInterval();
        this.vertx = vertx;
        this.clock = clock;
    }

    static URI discoveryOf(String authServerUrl) {
        String base = authServerUrl.strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + "/.well-known/openid-configuration");
    }

    /** Empty while company sign-in is off, or before the first probe has answered. */
    public Optional<State> state() {
        return Optional.ofNullable(state.get());
    }

    /** Whether company sign-in is on (and so watched). */
    public boolean enabled() {
        return discovery.isPresent();
    }

    /** Whether a sign-in with the provider is known to fail now. */
    public boolean unreachable() {
        State now = state.get();
        return now != null && !now.reachable();
    }

    void onStart(@Observes StartupEvent event) {
        discovery.ifPresent(uri -> {
            probe(uri);
            timer = vertx.setPeriodic(Math.max(100, interval.toMillis()), id -> probe(uri));
        });
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    void install(@Observes Router router) {
        router.route(OidcResource.LOGIN_PATH).order(ORDER).handler(this::refuseWhileAway);
    }

    private void probe(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json").GET().build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            if (failure != null) {
                record(uri, false, describe(failure));
            } else if (response.statusCode() != 200) {
                record(uri, false, "its discovery document answered " + response.statusCode());
            } else {
                record(uri, true, null);
            }
        });
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    private void record(URI uri, boolean reachable, String reason) {
        Instant now = clock.instant();
        State before = state.getAndUpdate(s -> s != null && s.reachable() == reachable ? s : new State(reachable, reason, now));
        if (before != null && before.reachable() == reachable) {
            return;
        }
        if (!reachable) {
            LOG.warnf("company sign-in: the identity provider cannot be reached at %s (%s); \"Sign in with ...\" leads to the"
                    + " sign-in error page until it answers (password sign-in and open sessions are not affected);"
                    + " /q/health/group/sign-in is DOWN", uri, reason);
        } else if (before != null) {
            LOG.infof("company sign-in: the identity provider answers again at %s (away for %s)", uri,
                    Duration.between(before.since(), now).withNanos(0));
        }
    }

    void refuseWhileAway(RoutingContext context) {
        if (!unreachable()) {
            context.next();
            return;
        }
        String description = "The company's identity provider cannot be reached just now. Try again in a few minutes, or sign in"
                + " with a password if you have one.";
        context.response().setStatusCode(303)
                .putHeader(HttpHeaders.LOCATION, "/sign-in-error?error=temporarily_unavailable&error_description="
                        + URLEncoder.encode(description, StandardCharsets.UTF_8))
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end();
    }
}
