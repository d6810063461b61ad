package io.sitroom.bundle;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "sitroom.bundles")
public interface BundleConfig {

    /**
     * The bytes an imported bundle may unpack into, all entries together. The upload itself is held to
     * {@code sitroom.limits.max-body-size} (1 MiB) like every request body; JSON packs about ten to one,
     * so this leaves a genuine bundle room while a zip bomb stops here, not in the heap.
     */
    @WithDefault("67108864")
    long maxUnpackedSize();
}
