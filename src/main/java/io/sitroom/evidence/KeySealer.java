package io.sitroom.evidence;

import io.sitroom.crypto.Sealer;

/**
 * Seals a private key with AES-256-GCM under a key derived from the node's secret ({@link Sealer}). The
 * associated data binds the sealed bytes to their key id and public key, so a sealed key moved to another
 * row, or a row whose public key was swapped, does not open.
 */
final class KeySealer {

    static final int MIN_SECRET_LENGTH = Sealer.MIN_SECRET_LENGTH;
    private static final String LABEL = "sitroom signing-key seal v1\n";

    private final Sealer sealer;

    KeySealer(String secret) {
        if (secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("sitroom.evidence.key-secret (SITROOM_EVIDENCE_KEY) must have at least " + MIN_SECRET_LENGTH
                    + " characters, it has " + secret.length());
        }
        this.sealer = new Sealer(LABEL, secret);
    }

    String seal(byte[] plain, String kid, String publicKey) {
        return sealer.seal(plain, kid + "\n" + publicKey);
    }

    /** @throws IllegalArgumentException when the sealed text was not sealed by this secret for this kid and public key */
    byte[] open(String sealedText, String kid, String publicKey) {
        try {
            return sealer.open(sealedText, kid + "\n" + publicKey);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().replace("sealed text", "sealed key").replace("or it was moved or changed",
                    "or its row was changed"));
        }
    }
}
