package io.sitroom.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class SealerTest {

    private static final String SECRET = "a-secret-of-at-least-thirty-two-characters";
    private static final byte[] PLAIN = "the token".getBytes(StandardCharsets.UTF_8);

    @Test
    void sealed_opensWithTheSameSecretLabelAndAssociatedData_only() {
        Sealer sealer = new Sealer("label v1\n", SECRET);
        String sealed = sealer.seal(PLAIN, "row-1");
        assertArrayEquals(PLAIN, sealer.open(sealed, "row-1"));
        assertNotEquals(sealed, sealer.seal(PLAIN, "row-1"), "a fresh nonce each time");
        assertThrows(IllegalArgumentException.class, () -> sealer.open(sealed, "row-2"), "moved to another row");
        assertThrows(IllegalArgumentException.class, () -> new Sealer("other label\n", SECRET).open(sealed, "row-1"));
        assertThrows(IllegalArgumentException.class, () -> new Sealer("label v1\n", SECRET + "x").open(sealed, "row-1"));
        assertThrows(IllegalArgumentException.class, () -> sealer.open("not base64!", "row-1"));
        assertThrows(IllegalArgumentException.class, () -> new Sealer("label v1\n", "short"));
    }

    /** The format the evidence keys were sealed in before the sealer moved here: base64(nonce 12 bytes, ciphertext and tag). */
    @Test
    void opens_whatTheEvidenceKeySealerStored_beforeItMovedHere() throws Exception {
        String label = "sitroom signing-key seal v1\n";
        byte[] key = MessageDigest.getInstance("SHA-256").digest((label + SECRET).getBytes(StandardCharsets.UTF_8));
        byte[] nonce = new byte[12];
        Arrays.fill(nonce, (byte) 7);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        cipher.updateAAD("kid-1\npublic-key".getBytes(StandardCharsets.UTF_8));
        byte[] sealed = cipher.doFinal(PLAIN);
        byte[] stored = Arrays.copyOf(nonce, 12 + sealed.length);
        System.arraycopy(sealed, 0, stored, 12, sealed.length);
        assertArrayEquals(PLAIN, new Sealer(label, SECRET).open(Base64.getEncoder().encodeToString(stored), "kid-1\npublic-key"));
    }
}
