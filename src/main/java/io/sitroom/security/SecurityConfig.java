package io.sitroom.security;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "sitroom.security")
public interface SecurityConfig {

    /** How long a sign-in token is valid. */
    @WithDefault("12h")
    Duration tokenTtl();

    /** bcrypt cost factor (log2 rounds) for stored passwords. */
    @WithDefault("12")
    int bcryptCost();

    /** The password of the first {@code admin} account; when unset, one is generated and logged once. */
    Optional<String> adminPassword();
}
