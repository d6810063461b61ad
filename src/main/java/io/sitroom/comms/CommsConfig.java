package io.sitroom.comms;

import java.time.Duration;
import java.util.Optional;

import io.sitroom.room.Severity;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "sitroom.comms")
public interface CommsConfig {

    /** How often a status update is owed, by severity; none for a severity without a value. */
    Cadence updateCadence();

    /** How long a request for acknowledgement may stay unanswered before the lead is told. */
    @WithDefault("15m")
    Duration ackTimeout();

    interface Cadence {
        @WithDefault("30m")
        Optional<Duration> sev1();

        @WithDefault("60m")
        Optional<Duration> sev2();

        @WithDefault("4h")
        Optional<Duration> sev3();

        Optional<Duration> sev4();

        default Optional<Duration> of(Severity severity) {
            return switch (severity) {
                case SEV1 -> sev1();
                case SEV2 -> sev2();
                case SEV3 -> sev3();
                case SEV4 -> sev4();
            };
        }
    }
}
