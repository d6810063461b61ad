package io.sitroom.search;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Search across rooms (docs/protocol.md, `GET /api/search`). */
@ConfigMapping(prefix = "sitroom.search")
public interface SearchConfig {

    /**
     * How many of the newest matches the caller may see are ranked (when more match, the answer says so with
     * {@code more}); the bound keeps a common word in a thousand rooms fast (docs/benchmarks.md).
     */
    @WithDefault("2000")
    int candidates();
}
