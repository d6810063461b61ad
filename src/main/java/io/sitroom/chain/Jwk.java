package io.sitroom.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Map;

import io.sitroom.json.CanonicalForm;

/**
 * A checkpoint key as a JSON Web Key (RFC 8037: {@code kty OKP}, {@code crv Ed25519}); its {@code kid}
 * is the key's RFC 7638 thumbprint, so a key id cannot be paired with another key unnoticed.
 */
public record Jwk(String kty, String crv, String kid, String x, String use, String alg) {

    public static Jwk ed25519(String x) {
        return new Jwk("OKP", "Ed25519", thumbprint(x), x, "sig", "EdDSA");
    }

    /**
     * This key as a Java key, once it is checked to be an Ed25519 key whose {@code kid} is its thumbprint.
     *
     * @throws IllegalArgumentException naming what is wrong with it
     */
    public PublicKey publicKey() {
        if (!"OKP".equals(kty) || !"Ed25519".equals(crv)) {
            throw new IllegalArgumentException("a key is not an Ed25519 key (kty OKP, crv Ed25519)");
        }
        if (x == null || kid == null || !kid.equals(thumbprint(x))) {
            throw new IllegalArgumentException("a key's kid is not its RFC 7638 thumbprint");
        }
        return Ed25519.publicKey(x);
    }

    /** RFC 7638: base64url(SHA-256 of the required members in lexicographic order, no white space). */
    public static String thumbprint(String x) {
        String required = CanonicalForm.write(Map.of("crv", "Ed25519", "kty", "OKP", "x", x));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(required.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
