package io.sitroom.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Consumer;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.sitroom.verify.ExportVerifier;

/** A readable section of an export changed by hand, and what the offline verifier says of it. */
public final class ExportTampering {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExportTampering() {
    }

    /** The export with {@code change} applied is refused with a reason that starts with {@code expected}, its chain whole. */
    public static void assertCaught(String json, Consumer<JsonNode> change, String expected) throws Exception {
        JsonNode root = JSON.readTree(json);
        change.accept(root);
        ExportVerifier.Result result = ExportVerifier.verify(JSON.writeValueAsString(root));
        assertFalse(result.ok(), expected);
        assertNull(result.firstBadSeq(), "the chain itself is whole");
        assertTrue(result.reason().startsWith(expected), "expected '" + expected + "', got: " + result.reason());
    }

    /** The index of the first item of a JSON array that matches. */
    public static int index(JsonNode array, Predicate<JsonNode> which) {
        for (int i = 0; i < array.size(); i++) {
            if (which.test(array.get(i))) {
                return i;
            }
        }
        throw new AssertionError("none matches in " + array);
    }
}
