package io.sitroom.evidence;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a private key with AES-256-GCM under a key derived from the node's secret. The associated
 * data binds the sealed bytes to their key id and public key, so a sealed key moved to another row,
 * or a row whose public key was swapped, does not open.
 */
final class KeySealer {

    static final int MIN_SECRET_LENGTH = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String LABEL = "sitroom signing-key seal v1\n";

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    KeySealer(String secret) {
        if (secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("sitroom.evidence.key-secret (SITROOM_EVIDENCE_KEY) must have at least " + MIN_SECRET_LENGTH
                    + " characters, it has " + secret.length());
        }
        try {
            // The secret is high-entropy configuration, not a password: one labelled hash is the key.
            byte[] derived = MessageDigest.getInstance("SHA-256").digest((LABEL + secret).getBytes(StandardCharsets.UTF_8));
            this.key = new SecretKeySpec(derived, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    String seal(byte[] plain, String kid, String publicKey) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = cipher(Cipher.ENCRYPT_MODE, nonce, kid, publicKey, plain);
        byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
        System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
        return Base64.getEncoder().encodeToString(out);
    }

    /** @throws IllegalArgumentException when the sealed text was not sealed by this secret for this kid and public key */
    byte[] open(String sealedText, String kid, String publicKey) {
        byte[] sealed;
        try {
            sealed = Base64.getDecoder().decode(sealedText);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the sealed key is not base64");
        }
        if (sealed.length <= NONCE_BYTES) {
            throw new IllegalArgumentException("the sealed key is too short");
        }
        return cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(sealed, NONCE_BYTES), kid, publicKey,
                Arrays.copyOfRange(sealed, NONCE_BYTES, sealed.length));
    }

    private byte[] cipher(int mode, byte[] nonce, String kid, String publicKey, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD((kid + "\n" + publicKey).getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("the sealed key does not open with this secret, or its row was changed");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }
}
