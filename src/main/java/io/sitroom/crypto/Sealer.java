package io.sitroom.crypto;

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
 * Seals bytes with AES-256-GCM under a key derived from a secret of the deployment's configuration: a
 * random 12-byte nonce, then the ciphertext and its tag, as base64. The label separates the keys of
 * different uses of one secret; the associated data binds the sealed bytes to where they are kept (a
 * row's id), so sealed text moved elsewhere does not open.
 */
public final class Sealer {

    public static final int MIN_SECRET_LENGTH = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param label  what the key is for, ending in a newline ("sitroom signing-key seal v1\n")
     * @param secret at least {@value #MIN_SECRET_LENGTH} characters; the caller names its setting when it is shorter
     */
    public Sealer(String label, String secret) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("the secret must have at least " + MIN_SECRET_LENGTH + " characters");
        }
        try {
            // The secret is high-entropy configuration, not a password: one labelled hash is the key.
            byte[] derived = MessageDigest.getInstance("SHA-256").digest((label + secret).getBytes(StandardCharsets.UTF_8));
            this.key = new SecretKeySpec(derived, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public String seal(byte[] plain, String associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = cipher(Cipher.ENCRYPT_MODE, nonce, associatedData, plain);
        byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
        System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
        return Base64.getEncoder().encodeToString(out);
    }

    /** @throws IllegalArgumentException when the text was not sealed with this key and associated data */
    public byte[] open(String sealedText, String associatedData) {
        byte[] sealed;
        try {
            sealed = Base64.getDecoder().decode(sealedText);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the sealed text is not base64");
        }
        if (sealed.length <= NONCE_BYTES) {
            throw new IllegalArgumentException("the sealed text is too short");
        }
        return cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(sealed, NONCE_BYTES), associatedData,
                Arrays.copyOfRange(sealed, NONCE_BYTES, sealed.length));
    }

    private byte[] cipher(int mode, byte[] nonce, String associatedData, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("the sealed text does not open with this secret, or it was moved or changed");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }
}
