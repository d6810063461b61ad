package io.sitroom.subscriber;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** E-mail subscriptions to the status page. */
@ConfigMapping(prefix = "sitroom.subscribers")
public interface SubscriberConfig {

    /**
     * How long an address that was just sent a confirmation link gets no other, however often it is entered in the
     * form (with the per-client limit, {@code sitroom.limits.subscribes-per-hour}: nobody is mail-bombed by it).
     */
    @WithDefault("15m")
    Duration resendAfter();

    /** How often notices are turned into mails. */
    @WithDefault("5s")
    Duration pollInterval();
}
