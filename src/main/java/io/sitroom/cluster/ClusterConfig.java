package io.sitroom.cluster;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Several nodes on one PostgreSQL database. Only PostgreSQL has LISTEN/NOTIFY; on H2 a node is
 * alone and none of this runs.
 */
@ConfigMapping(prefix = "sitroom.cluster")
public interface ClusterConfig {

    /** Wake other nodes with NOTIFY and listen for their appends. */
    @WithDefault("true")
    boolean enabled();

    /** The NOTIFY channel; nodes sharing a database must agree on it. */
    @WithDefault("sitroom_room")
    String channel();

    /**
     * The fallback (on PostgreSQL, also with wake-ups off): how often a node compares the heads of
     * its rooms with the log, in case a wake-up was lost.
     */
    @WithDefault("5s")
    Duration pollInterval();

    /** How long to wait before opening a LISTEN connection again after losing it. */
    @WithDefault("1s")
    Duration reconnectDelay();

    /** How long the LISTEN connection may stay silent before it is checked with a query. */
    @WithDefault("10s")
    Duration checkAfter();
}
