package io.sitroom.tracker;

import java.util.UUID;

import io.sitroom.room.EventKind;
import io.sitroom.room.EventPayload;

/** Events of an action's link to an issue tracker. Every one is for everyone in the room, like the action. */
public sealed interface TrackerEvent extends EventPayload {

    UUID actionId();

    UUID trackerId();

    /** A link was asked for (by a member's {@code action.track}, or by the server for a post-incident action: {@code automatic}). */
    @EventKind("action.link_requested")
    record LinkRequested(UUID actionId, UUID trackerId, String tracker, TrackerKind kind, boolean automatic) implements TrackerEvent {
        @Override
        public String brief() {
            return tracker;
        }
    }

    /** The remote issue exists: its key ({@code owner/repo#12} on GitHub, {@code OPS-7} on Jira) and the address people open. */
    @EventKind("action.linked")
    record Linked(UUID actionId, UUID trackerId, String key, String url) implements TrackerEvent {
        @Override
        public String brief() {
            return key;
        }
    }

    /** The issue could not be created (refused, or the retries gave up); the link may be asked for again. */
    @EventKind("action.link_failed")
    record LinkFailed(UUID actionId, UUID trackerId, String reason) implements TrackerEvent {
        @Override
        public String brief() {
            return reason;
        }
    }

    /**
     * The tracker reported the state: GitHub {@code open} or {@code closed}; Jira the status category
     * ({@code new}, {@code indeterminate}, {@code done}). {@code status}: the tracker's own word for it (Jira's
     * status name, GitHub's state reason); {@code closed}: the work is over remotely.
     */
    @EventKind("action.tracker_state")
    record RemoteState(UUID actionId, UUID trackerId, String key, String state, String status, boolean closed) implements TrackerEvent {
        @Override
        public String brief() {
            return key + " " + (status == null ? state : status);
        }
    }
}
