package io.sitroom.tracker;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Follow-up sync with issue trackers (operations.md, "Issue trackers"). */
@ConfigMapping(prefix = "sitroom.trackers")
public interface TrackerConfig {

    /**
     * The secret (32 characters or more, from {@code SITROOM_TRACKER_KEY}) that seals the trackers'
     * credentials and webhook secrets in the database; the same on every node. Unset: trackers cannot be
     * configured, and those configured cannot be used; shorter than 32 characters: the node refuses to start.
     */
    Optional<String> key();

    /**
     * Where people open Sitroom ({@code https://sitroom.example.com}): a remote issue links back to its room at
     * {@code <public-url>/rooms/<id>}. Unset: the issue names the room's id only.
     */
    Optional<String> publicUrl();

    /** Attempts at creating one remote issue before {@code action.link_failed} is appended (retried after 2 s, 4 s, 8 s ... up to 10 min). */
    @WithDefault("6")
    int maxAttempts();

    /** How often requested links are looked at (besides right after each commit that requests one). */
    @WithDefault("2s")
    Duration pollInterval();

    /** The first wait before a retry; each retry waits twice as long as the one before, up to 10 minutes. */
    @WithDefault("2s")
    Duration firstRetry();
}
