package io.sitroom.erasure;

import java.util.UUID;

import io.sitroom.room.ErasesContent;
import io.sitroom.room.EventKind;
import io.sitroom.room.EventPayload;

/** What erasures and legal holds record. Everyone in the room sees them: who erased what, when and why is part of the record. */
public sealed interface ErasureEvent extends EventPayload {

    /** Legal asks for the content of event {@code seq} (of kind {@code kind}) to be erased; the admin decides. */
    @EventKind("erasure.requested")
    record Requested(UUID erasureId, long seq, String kind, String reason) implements ErasureEvent {
        @Override
        public String brief() {
            return "#" + seq + ": " + reason;
        }
    }

    /** The admin turned the request down; the content stays. */
    @EventKind("erasure.rejected")
    record Rejected(UUID erasureId, long seq, String reason) implements ErasureEvent {
        @Override
        public String brief() {
            return "#" + seq + ": " + reason;
        }
    }

    /**
     * The admin approved: event {@code seq}'s content is erased in the same unit of work. Its place in the chain,
     * its kind, time and author stay; {@code requestedBy} is who asked (the actor approved).
     */
    @EventKind("event.erased")
    record Erased(UUID erasureId, long seq, String kind, String reason, UUID requestedBy, String requestedByName)
            implements ErasureEvent, ErasesContent {
        @Override
        public String brief() {
            return "#" + seq + ": " + reason;
        }
    }

    /** The room is under legal hold: nothing of it may be erased or deleted until the hold is released. */
    @EventKind("room.hold_placed")
    record HoldPlaced(String reason) implements ErasureEvent {
        @Override
        public String brief() {
            return reason;
        }
    }

    @EventKind("room.hold_released")
    record HoldReleased(String reason) implements ErasureEvent {
        @Override
        public String brief() {
            return reason;
        }
    }
}
