package io.sitroom.statuspage;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The public status page: what it calls itself, and how long its answers may be kept. */
@ConfigMapping(prefix = "sitroom.status-page")
public interface StatusPageConfig {

    /** The page's id in the Statuspage-compatible API ({@code page.id}). */
    @WithDefault("sitroom")
    String id();

    /** The page's name, its title in HTML and Atom. */
    @WithDefault("Service status")
    String name();

    /**
     * The page's public address ({@code https://status.example.com/status}), for {@code page.url}, the Atom
     * feed's links and incidents' {@code shortlink}. Unset: links are relative to the server ({@code /status}).
     */
    Optional<String> url();

    /** How long browsers and proxies may keep an answer without asking again ({@code Cache-Control: max-age}). */
    @WithDefault("30s")
    Duration maxAge();

    /**
     * How often a node asks the database whether another node changed the page. A change made on this node
     * is seen at once.
     */
    @WithDefault("1s")
    Duration recheck();

    /** How many incidents {@code incidents.json}, the feed and the page list, newest first. */
    @WithDefault("50")
    int incidents();
}
