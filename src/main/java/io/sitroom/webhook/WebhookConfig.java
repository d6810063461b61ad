package io.sitroom.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "sitroom.webhooks")
public interface WebhookConfig {

    /** How often queued deliveries are looked at (besides right after each commit). */
    @WithDefault("2s")
    Duration pollInterval();

    /**
     * Attempts at one delivery before it is dead-lettered (retried after 2 s, 4 s, 8 s ... up to 1 h
     * between attempts); the endpoint then holds its later deliveries until it is resumed.
     */
    @WithDefault("10")
    int maxAttempts();

    /**
     * Hosts webhooks may post to: exact names or addresses, or {@code *.example.com} for any host
     * below a domain. When set, nothing else is allowed; a host listed here may be on a private or
     * loopback address. When unset, any host on a public address is allowed. Link-local and cloud
     * metadata addresses are refused either way.
     */
    Optional<List<String>> allowedHosts();
}
