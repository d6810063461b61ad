package io.sitroom.chain;

import io.sitroom.crypto.Sha256;

/**
 * How the links of a room's log are chained (docs/protocol.md, "Hash chain"):
 * {@code hash = hex(SHA-256(UTF-8(prevHash + canonical_json(event))))}, starting from {@link #GENESIS}.
 * The server and the offline export verifier both use this class, and it uses nothing but the JDK
 * (like {@link ChainEvent}, {@link io.sitroom.json.CanonicalForm} and {@link Sha256}), so that the
 * verifier runs on a bare JDK and cannot drift from what the server writes.
 */
public final class ChainHash {

    /** The {@code prevHash} of every room's first event. */
    public static final String GENESIS = "0".repeat(64);

    private ChainHash() {
    }

    /** The hash of an event whose canonical JSON is {@code canonicalEvent}, chained to {@code prevHash}. */
    public static String of(String prevHash, String canonicalEvent) {
        return Sha256.hex(prevHash + canonicalEvent);
    }

    /** Whether {@code text} has the form of a chain hash: 64 lower-case hex digits. */
    public static boolean isWellFormed(String text) {
        if (text.length() != GENESIS.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
