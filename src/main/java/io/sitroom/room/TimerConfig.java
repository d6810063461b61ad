package io.sitroom.room;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "sitroom.timers")
public interface TimerConfig {

    /** How often the server looks for timers that fell due. */
    @WithDefault("1s")
    Duration pollInterval();
}
