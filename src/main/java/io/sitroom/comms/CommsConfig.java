package io.sitroom.comms;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "sitroom.comms")
public interface CommsConfig {

    /**
     * How often a status update is owed, by severity id in any case ({@code sitroom.comms.update-cadence.sev1=15m}):
     * overrides the cadence the deployment's taxonomy gives a severity.
     */
    Map<String, Duration> updateCadence();

    /** How long a request for acknowledgement may stay unanswered before the lead is told. */
    @WithDefault("15m")
    Duration ackTimeout();
}
