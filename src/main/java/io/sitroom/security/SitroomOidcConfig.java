package io.sitroom.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Sitroom's own settings for company sign-in. Whether it is on, and the provider itself (issuer URL,
 * client id and secret), are quarkus-oidc's settings: {@code quarkus.oidc.*}.
 */
@ConfigMapping(prefix = "sitroom.oidc")
public interface SitroomOidcConfig {

    /** The provider's name as the sign-in page shows it: "Sign in with ...". */
    @WithDefault("single sign-on")
    String providerName();

    /**
     * Whether the first sign-in of a person the provider vouches for creates their account. When false,
     * only people already linked to an account may sign in this way.
     */
    @WithDefault("true")
    boolean createAccounts();

    /** How often the provider's discovery document is read to know whether it answers ({@link OidcProviderWatch}). */
    @WithDefault("30s")
    java.time.Duration probeInterval();
}
