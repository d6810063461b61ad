package io.sitroom.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** Checkpoint signatures and key encodings, against the RFCs' own examples where they have them. */
class CheckpointTest {

    private static final String ROOM = "6f1c2b1e-3a4d-4e5f-9a0b-1c2d3e4f5a6b";
    private static final String HEAD = "a".repeat(64);

    /** RFC 8032 section 7.1, TEST 1: the public key, and its signature of the empty message. */
    private static final String RFC8032_PUBLIC = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    private static final String RFC8032_SIGNATURE = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

    private static String base64url(String hex) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(HexFormat.of().parseHex(hex));
    }

    @Test
    void theRfc8032TestVector_verifies_andAChangedMessageDoesNot() {
        var key = Ed25519.publicKey(base64url(RFC8032_PUBLIC));
        assertTrue(Ed25519.verifies(key, new byte[0], base64url(RFC8032_SIGNATURE)));
        assertFalse(Ed25519.verifies(key, new byte[] { 0 }, base64url(RFC8032_SIGNATURE)));
        assertFalse(Ed25519.verifies(key, new byte[0], "not base64url!"));
        assertEquals(base64url(RFC8032_PUBLIC), Ed25519.x(key), "the raw key round-trips");
    }

    @Test
    void aKeyId_isTheRfc7638Thumbprint_asRfc8037ShowsIt() {
        // RFC 8037 appendix A.3: the thumbprint of the appendix A.2 public key (RFC 8032's TEST 1 key).
        assertEquals("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo", base64url(RFC8032_PUBLIC));
        assertEquals("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k", Jwk.thumbprint("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"));
        Jwk jwk = Jwk.ed25519("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo");
        assertEquals("OKP", jwk.kty());
        assertEquals("Ed25519", jwk.crv());
        assertEquals("EdDSA", jwk.alg());
    }

    @Test
    void aCheckpoint_verifiesWithItsKey_andNotOnceAnySignedFieldChanges() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String at = "2026-12-01T22:00:00.000Z";
        String signature = Ed25519.sign(pair.getPrivate(), Checkpoint.signedBytes(ROOM, 8, HEAD, at));
        String kid = Jwk.thumbprint(Ed25519.x(pair.getPublic()));
        Checkpoint checkpoint = new Checkpoint(ROOM, 8, HEAD, at, kid, signature);
        assertTrue(checkpoint.verifies(pair.getPublic()));
        assertFalse(new Checkpoint(ROOM, 9, HEAD, at, kid, signature).verifies(pair.getPublic()), "seq");
        assertFalse(new Checkpoint(ROOM, 8, "b".repeat(64), at, kid, signature).verifies(pair.getPublic()), "head hash");
        assertFalse(new Checkpoint(ROOM, 8, HEAD, "2026-12-01T22:00:01.000Z", kid, signature).verifies(pair.getPublic()), "time");
        assertFalse(new Checkpoint("7f1c2b1e-3a4d-4e5f-9a0b-1c2d3e4f5a6b", 8, HEAD, at, kid, signature).verifies(pair.getPublic()), "room");
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        assertFalse(checkpoint.verifies(other.getPublic()), "another key");
    }

    @Test
    void theSignedStatement_isCanonicalJson_withItsType() {
        assertEquals("{\"at\":\"t\",\"headHash\":\"" + HEAD + "\",\"roomId\":\"" + ROOM + "\",\"seq\":3,\"type\":\"sitroom-checkpoint/1\"}",
                new String(Checkpoint.signedBytes(ROOM, 3, HEAD, "t"), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void aKeyOfTheWrongLength_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> Ed25519.publicKey(base64url("00ff")));
    }
}
