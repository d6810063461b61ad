package io.sitroom.exercise;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "sitroom.scenarios")
public interface ScenarioConfig {

    /** The folder of scenario files, read at start. */
    @WithDefault("scenarios")
    String dir();
}
