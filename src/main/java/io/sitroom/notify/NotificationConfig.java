package io.sitroom.notify;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Member notifications by e-mail: batching, digests, the hourly limit, when an action counts as due soon. */
@ConfigMapping(prefix = "sitroom.notifications")
public interface NotificationConfig {

    /** Notifications of one person within this window go out as one mail (counted from the oldest). */
    @WithDefault("2m")
    Duration batchWindow();

    /** For people who chose a digest: how long notifications are collected before they are mailed. */
    @WithDefault("1h")
    Duration digestInterval();

    /** Mails one person gets per hour at most; more notifications wait for the next mail (none is dropped). */
    @WithDefault("6")
    int perHour();

    /** How long before an action's due time its owner is told it is due soon. */
    @WithDefault("1h")
    Duration dueSoon();

    /** How often pending notifications are looked at. */
    @WithDefault("15s")
    Duration pollInterval();
}
