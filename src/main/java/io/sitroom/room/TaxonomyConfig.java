package io.sitroom.room;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "sitroom.taxonomy")
public interface TaxonomyConfig {

    /** The deployment's severities and phases (YAML); Sitroom's own list when unset. Every node must read the same file. */
    Optional<Path> file();
}
