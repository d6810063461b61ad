package io.sitroom.live;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a node drains on SIGTERM ({@link Drain}; docs/operations.md, "Restarting or draining a node"). */
@ConfigMapping(prefix = "sitroom.drain")
public interface DrainConfig {

    /**
     * How long readiness is DOWN (and new sockets refused) before the open sockets are closed, so that a
     * balancer that probes readiness stops sending new work here first: its probe interval times the
     * failures it needs. REST requests are still served meanwhile.
     */
    @WithDefault("5s")
    Duration readinessDelay();

    /** The window the sockets' close reason names: clients come back at a random moment in it, not all at once. */
    @WithDefault("5s")
    Duration reconnectWindow();

    /** The longest wait for the command batches already queued to commit before the sockets are closed anyway. */
    @WithDefault("20s")
    Duration batchWait();

    /** The longest wait for the clients to answer the close before the node goes on shutting down. */
    @WithDefault("5s")
    Duration closeWait();

    /**
     * After the sockets are closed: the longest wait for the HTTP requests already taken to be answered (new ones are
     * refused with 503 meanwhile). Quarkus' own {@code quarkus.shutdown.timeout} is not used: it waits for a WebSocket's
     * upgrade request as if it never ended.
     */
    @WithDefault("30s")
    Duration requestWait();
}
