package io.sitroom.cluster;

import java.util.Optional;
import java.util.UUID;

/** What a NOTIFY carries: a room and the seq its log has reached, as {@code <roomId>:<seq>}. */
record WakeUp(UUID roomId, long seq) {

    static String payload(UUID roomId, long seq) {
        return roomId + ":" + seq;
    }

    /** Reads a payload; anything else (another program on the channel) is ignored. */
    static Optional<WakeUp> parse(String payload) {
        int colon = payload == null ? -1 : payload.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new WakeUp(UUID.fromString(payload.substring(0, colon)), Long.parseLong(payload.substring(colon + 1))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
