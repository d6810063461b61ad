package io.sitroom.room;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** How work is appended to rooms: in batches per room, one transaction (one commit) a batch. */
@ConfigMapping(prefix = "sitroom.commands")
public interface CommandConfig {

    /** Threads appending batches; each holds one database connection while it commits. */
    @WithDefault("8")
    int appenders();

    /** At most this many pieces of work (commands, mostly) of one room share a transaction. */
    @WithDefault("200")
    int maxBatch();

    /**
     * How long a REST call waits for its command to be recorded before it answers {@code unavailable}
     * (the command may still be recorded; sending it again with the same commandId tells).
     */
    @WithName("wait")
    @WithDefault("30s")
    Duration waitFor();
}
