package io.sitroom.chain;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * Ed25519 (RFC 8032) as checkpoints use it, with the JDK alone: keys travel as the raw 32-byte public
 * key in base64url (a JWK's {@code x}, RFC 8037), signatures as 64 bytes in base64url. Shared by the
 * server and the offline verifier.
 */
public final class Ed25519 {

    /** The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410): what precedes the 32 key bytes. */
    private static final byte[] SPKI_PREFIX = { 0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00 };
    private static final int KEY_BYTES = 32;

    private Ed25519() {
    }

    /** The public key whose raw bytes are the base64url text {@code x}. */
    public static PublicKey publicKey(String x) {
        byte[] raw = decode(x, "the key");
        if (raw.length != KEY_BYTES) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, not " + raw.length);
        }
        byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + KEY_BYTES);
        System.arraycopy(raw, 0, spki, SPKI_PREFIX.length, KEY_BYTES);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        } catch (InvalidKeySpecException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK since 15", e);
        }
    }

    /** The base64url raw bytes of an Ed25519 public key (the JWK's {@code x}). */
    public static String x(PublicKey key) {
        byte[] spki = key.getEncoded();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOfRange(spki, spki.length - KEY_BYTES, spki.length));
    }

    /** The base64url signature of {@code message} by {@code key}. */
    public static String sign(PrivateKey key, byte[] message) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(message);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
        } catch (InvalidKeyException | SignatureException e) {
            throw new IllegalArgumentException("cannot sign with this key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK since 15", e);
        }
    }

    /** Whether {@code signature} (base64url) is {@code key}'s signature of {@code message}; false for malformed input. */
    public static boolean verifies(PublicKey key, byte[] message, String signature) {
        byte[] bytes;
        try {
            bytes = decode(signature, "the signature");
        } catch (IllegalArgumentException e) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(bytes);
        } catch (InvalidKeyException | SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK since 15", e);
        }
    }

    private static byte[] decode(String base64url, String what) {
        try {
            return Base64.getUrlDecoder().decode(base64url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not base64url", e);
        }
    }
}
