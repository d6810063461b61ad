package io.sitroom.tracker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class SignaturesTest {

    /** GitHub's own example ("Validating webhook deliveries", "Testing the webhook payload validation"). */
    private static final String SECRET = "It's a Secret to Everybody";
    private static final byte[] PAYLOAD = "Hello, World!".getBytes(StandardCharsets.UTF_8);
    private static final String SIGNATURE = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

    @Test
    void githubsDocumentedExample_verifies() {
        assertEquals(SIGNATURE, Signatures.sign(SECRET, PAYLOAD));
        assertTrue(Signatures.verify(SECRET, PAYLOAD, SIGNATURE));
    }

    @Test
    void verify_refusesAnotherBody_anotherSecret_aMissingHeader_andOtherAlgorithms() {
        assertFalse(Signatures.verify(SECRET, "Hello, World?".getBytes(StandardCharsets.UTF_8), SIGNATURE));
        assertFalse(Signatures.verify("another secret", PAYLOAD, SIGNATURE));
        assertFalse(Signatures.verify(SECRET, PAYLOAD, null));
        assertFalse(Signatures.verify(SECRET, PAYLOAD, ""));
        assertFalse(Signatures.verify(SECRET, PAYLOAD, SIGNATURE.substring("sha256=".length())));
        assertFalse(Signatures.verify(SECRET, PAYLOAD, "sha1=" + SIGNATURE.substring("sha256=".length())));
        assertFalse(Signatures.verify("", PAYLOAD, SIGNATURE), "an empty secret verifies nothing");
    }

    @Test
    void jirasWebSubForm_isTheSameHmac_andUpperCaseHexVerifies() {
        // Jira Cloud sends X-Hub-Signature: sha256=<hex HMAC-SHA256 of the raw body>, the WebSub "method=signature" form.
        String upper = "sha256=" + SIGNATURE.substring("sha256=".length()).toUpperCase();
        assertTrue(Signatures.verify(SECRET, PAYLOAD, upper));
    }
}
