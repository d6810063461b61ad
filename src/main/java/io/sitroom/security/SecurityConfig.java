package io.sitroom.security;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

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

    /**
     * Who may read {@code /q/metrics}, {@code /q/openapi} and {@code /q/swagger-ui}: {@code PROTECTED} (the admin;
     * {@code /q/metrics} also the {@link #metricsToken()}) or {@code OPEN} (anyone; dev mode and tests).
     * {@code /q/health} is always open.
     */
    @WithDefault("protected")
    PlatformEndpoints platformEndpoints();

    enum PlatformEndpoints {
        PROTECTED, OPEN
    }

    /** A bearer token that opens {@code /q/metrics} and nothing else, for Prometheus; unset: only the admin's token does. */
    Optional<String> metricsToken();

    /** Password sign-in's limits ({@code sitroom.security.sign-in.*}). */
    SignIn signIn();

    interface SignIn {

        /** Failed sign-ins from one client address (any usernames) before it is held back. */
        @WithDefault("20")
        int failuresPerAddress();

        /** Failed sign-ins for one username from one client address before that pair is held back. */
        @WithDefault("5")
        int failuresPerUserAndAddress();

        /** The first hold-back; each further failure doubles it... */
        @WithDefault("1s")
        Duration firstBackoff();

        /** ...up to this. */
        @WithDefault("15m")
        Duration maxBackoff();

        /** Failures are forgotten this long after the last one. */
        @WithDefault("1h")
        Duration forgetAfter();

        /** bcrypt checks and hashes at once, per node (default: the number of processors). */
        OptionalInt concurrentPasswordChecks();

        /** How long a sign-in waits for its turn at bcrypt before it is answered 503 with Retry-After. */
        @WithDefault("2s")
        Duration passwordCheckWait();
    }
}
