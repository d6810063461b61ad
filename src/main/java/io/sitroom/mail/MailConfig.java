package io.sitroom.mail;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Sitroom's e-mail: whether it is on, the address links in mails point to, and how the outbox is sent. The SMTP
 * server itself is quarkus-mailer's ({@code quarkus.mailer.*}, docs/operations.md).
 */
@ConfigMapping(prefix = "sitroom.mail")
public interface MailConfig {

    /**
     * Whether Sitroom mails anyone. Off: nothing is queued, the status page's subscribe form answers that
     * subscriptions are not offered, and no account address can be confirmed.
     */
    @WithDefault("true")
    boolean enabled();

    /**
     * The server's public address ({@code https://sitroom.example.com}), for links in mails: confirmation,
     * unsubscribe, rooms. Unset: {@code http://localhost:8080}.
     */
    Optional<String> baseUrl();

    /** How often the outbox is looked at for mail due. */
    @WithDefault("5s")
    Duration pollInterval();

    /** Attempts at one mail before it is given up (30 s doubling to 1 h between attempts). */
    @WithDefault("10")
    int maxAttempts();

    /** How long a confirmation link (an account's address, a subscription) stays valid. */
    @WithDefault("24h")
    Duration confirmationTtl();
}
