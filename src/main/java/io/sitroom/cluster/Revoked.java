package io.sitroom.cluster;

import java.util.Optional;
import java.util.UUID;

/**
 * What a NOTIFY carries when a user's sign-in ended on some node: {@code revoked:<userId>:<tokenHash>},
 * or {@code revoked:<userId>:*} for every token of the user. Every node closes that user's matching
 * connections.
 */
record Revoked(UUID userId, String tokenHash) {

    private static final String PREFIX = "revoked:";
    private static final String ALL = "*";

    static String payload(UUID userId, String tokenHash) {
        return PREFIX + userId + ":" + (tokenHash == null ? ALL : tokenHash);
    }

    /** Reads a payload; anything else (a wake-up, another program on the channel) is ignored. */
    static Optional<Revoked> parse(String payload) {
        if (payload == null || !payload.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = payload.substring(PREFIX.length());
        int colon = rest.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        try {
            String hash = rest.substring(colon + 1);
            return Optional.of(new Revoked(UUID.fromString(rest.substring(0, colon)), ALL.equals(hash) ? null : hash));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
