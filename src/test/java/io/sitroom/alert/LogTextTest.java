package io.sitroom.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogTextTest {

    @Test
    void safe_escapesWhatCouldForgeALine() {
        assertEquals("Prom\\u000a2026-12-01 ERROR forged", LogText.safe("Prom\n2026-12-01 ERROR forged"));
        assertEquals("a\\u001b[31mb\\u2028c\\u202ed\\\\u000a", LogText.safe("a\u001b[31mb\u2028c\u202ed\\u000a"));
        assertEquals("null", LogText.safe(null));
    }

    @Test
    void safe_cutsLongText() {
        String safe = LogText.safe("x".repeat(1_000));
        assertTrue(safe.endsWith("...") && safe.length() == LogText.MAX + 3, safe);
        assertEquals("x".repeat(LogText.MAX), LogText.safe("x".repeat(LogText.MAX)));
    }
}
