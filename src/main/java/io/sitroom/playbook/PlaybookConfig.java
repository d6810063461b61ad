package io.sitroom.playbook;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "sitroom.playbooks")
public interface PlaybookConfig {

    /**
     * Folders of a deployment's own playbook files, read at start after the ones bundled in the app
     * (from the repository's playbooks/ folder). A file whose id is taken already is left out.
     */
    Optional<List<String>> dirs();

    /** Uploads one account may validate per minute, and at once. */
    @WithDefault("20")
    int validationsPerMinute();
}
