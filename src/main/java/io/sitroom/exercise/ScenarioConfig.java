package io.sitroom.exercise;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "sitroom.scenarios")
public interface ScenarioConfig {

    /** The folders of scenario files, read at start. */
    @WithDefault("scenarios")
    java.util.List<String> dirs();
}
