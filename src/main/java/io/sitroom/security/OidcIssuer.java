package io.sitroom.security;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The company's OpenID Connect provider as configured: its issuer is {@code quarkus.oidc.token.issuer} when set
 * (and not {@code any}), else {@code quarkus.oidc.auth-server-url}. Issuers are compared normalised: no
 * surrounding spaces, no trailing slash, scheme and host in lower case.
 */
@ApplicationScoped
public class OidcIssuer {

    private final Optional<String> configured;

    public OidcIssuer(@ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "false") boolean enabled,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> authServerUrl,
            @ConfigProperty(name = "quarkus.oidc.token.issuer") Optional<String> tokenIssuer) {
        Optional<String> issuer = tokenIssuer.filter(i -> !i.isBlank() && !i.equalsIgnoreCase("any")).or(() -> authServerUrl)
                .filter(i -> !i.isBlank());
        this.configured = enabled ? issuer.map(OidcIssuer::normalise) : Optional.empty();
    }

    /** The configured provider's issuer, normalised; empty when company sign-in is off. */
    public Optional<String> configured() {
        return configured;
    }

    /** Whether {@code issuer} names the configured provider (false when company sign-in is off). */
    public boolean isConfigured(String issuer) {
        return issuer != null && configured.map(c -> c.equals(normalise(issuer))).orElse(false);
    }

    public static String normalise(String issuer) {
        String value = issuer.strip();
        while (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        try {
            URI uri = URI.create(value);
            if (uri.getScheme() != null && uri.getRawAuthority() != null) {
                String authority = uri.getRawAuthority();
                int at = authority.lastIndexOf('@');
                String host = authority.substring(at + 1).toLowerCase(Locale.ROOT);
                return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + authority.substring(0, at + 1) + host
                        + (uri.getRawPath() == null ? "" : uri.getRawPath()) + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            }
        } catch (IllegalArgumentException e) {
            // not a URI: compared as it is
        }
        return value;
    }
}
