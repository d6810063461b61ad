package io.sitroom.webhook;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a webhook's body is: the event as JSON, or a chat message (Slack, Microsoft Teams incoming webhooks). */
public enum WebhookFormat {
    JSON, SLACK, TEAMS;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<WebhookFormat> fromWire(String wire) {
        return Arrays.stream(values()).filter(f -> f.wire().equals(wire)).findFirst();
    }
}
