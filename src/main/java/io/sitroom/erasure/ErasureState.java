package io.sitroom.erasure;

import java.util.UUID;

/** An erasure request as the rules judge it. */
record ErasureState(UUID id, UUID roomId, long seq, String kind, String reason, UUID requestedBy, String requestedByName, Status status) {

    enum Status {
        PENDING, ERASED, REJECTED;

        String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
