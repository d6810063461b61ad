package io.sitroom.exercise;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "sitroom.scenarios")
public interface ScenarioConfig {

    /**
     * Folders of further scenario files, read at start, besides those shipped in the jar (a folder's
     * file with a shipped scenario's id replaces it). None by default.
     */
    java.util.Optional<java.util.List<String>> dirs();

    /**
     * Uploads one account may validate per minute, and at once: each is a whole file (up to 1 MB)
     * parsed and linted, so an account must not keep a core busy with them.
     */
    @WithDefault("20")
    int validationsPerMinute();
}
