package io.sitroom.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/**
 * The operator's bearer token for Prometheus ({@code sitroom.security.metrics-token}): on {@code /q/metrics}, and
 * nowhere else, it stands for a scraper with the role {@value #ROLE} alone (not a user: it opens no API call).
 */
@ApplicationScoped
public class MetricsToken {

    static final String ROLE = "metrics";

    private final byte[] token;

    public MetricsToken(SecurityConfig config) {
        this.token = config.metricsToken().filter(t -> !t.isBlank()).map(t -> t.strip().getBytes(StandardCharsets.UTF_8)).orElse(null);
    }

    /** The scraper's identity when this token, on this (normalised) path, is the metrics token. */
    Optional<SecurityIdentity> identify(String token, String path) {
        if (this.token == null || !PlatformEndpointsPolicy.isMetrics(path)
                || !MessageDigest.isEqual(this.token, token.getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return Optional.of(QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("metrics-scraper")).addRole(ROLE).build());
    }
}
