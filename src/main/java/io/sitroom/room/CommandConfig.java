package io.sitroom.room;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How commands are appended: in batches per room, one transaction (one commit) a batch. */
@ConfigMapping(prefix = "sitroom.commands")
public interface CommandConfig {

    /** Threads appending batches; each holds one database connection while it commits. */
    @WithDefault("8")
    int appenders();

    /** At most this many commands of one room share a transaction. */
    @WithDefault("200")
    int maxBatch();
}
