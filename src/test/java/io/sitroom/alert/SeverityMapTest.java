package io.sitroom.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.sitroom.room.Severity;
import io.sitroom.room.Taxonomy;

class SeverityMapTest {

    private final SeverityMap builtIn = new SeverityMap(Taxonomy.defaults(), Map.of(), Optional.empty());

    @Test
    void map_knowsTheUsualValues_inAnyCase() {
        assertEquals(Severity.SEV1, builtIn.map("critical", Severity.SEV3).severity());
        assertEquals(Severity.SEV1, builtIn.map("EMERGENCY", Severity.SEV3).severity());
        assertEquals(Severity.SEV1, builtIn.map("page", Severity.SEV3).severity());
        assertEquals(Severity.SEV2, builtIn.map("Error", Severity.SEV3).severity());
        assertEquals(Severity.SEV2, builtIn.map("high", Severity.SEV3).severity());
        assertEquals(Severity.SEV3, builtIn.map("warning", Severity.SEV4).severity());
        assertEquals(Severity.SEV3, builtIn.map("medium", Severity.SEV4).severity());
        assertEquals(Severity.SEV3, builtIn.map("ticket", Severity.SEV4).severity());
        assertEquals(Severity.SEV4, builtIn.map("low", Severity.SEV3).severity());
        assertEquals(Severity.SEV4, builtIn.map("info", Severity.SEV3).severity());
        assertEquals(Severity.SEV4, builtIn.map("notice", Severity.SEV3).severity());
        assertEquals(Severity.SEV4, builtIn.map("debug", Severity.SEV3).severity());
        assertEquals(Severity.SEV4, builtIn.map("none", Severity.SEV3).severity(), "kube-prometheus's Watchdog");
        assertEquals(Severity.SEV2, builtIn.map(" sev2 ", Severity.SEV3).severity());
    }

    @Test
    void map_givesTheIntegrationDefault_whenThereIsNoValue() {
        SeverityMap.Mapped mapped = builtIn.map(null, Severity.SEV2);
        assertEquals(Severity.SEV2, mapped.severity());
        assertTrue(mapped.known());
        assertEquals(Severity.SEV4, builtIn.map("  ", Severity.SEV4).severity());
    }

    @Test
    void map_neverRefusesAnUnknownValue_andSaysItWasUnknown() {
        SeverityMap.Mapped mapped = builtIn.map("apocalyptic", Severity.SEV3);
        assertEquals(Severity.SEV3, mapped.severity(), "without a configured default: the integration's");
        assertFalse(mapped.known());
        SeverityMap configured = new SeverityMap(Taxonomy.defaults(), Map.of(), Optional.of(Severity.SEV2));
        assertEquals(Severity.SEV2, configured.map("apocalyptic", Severity.SEV4).severity(), "the configured default");
        assertEquals(Severity.SEV4, configured.map(null, Severity.SEV4).severity(), "no value still takes the integration's");
    }

    @Test
    void map_takesConfiguredEntries_overTheBuiltInTable() {
        SeverityMap configured = new SeverityMap(Taxonomy.defaults(), Map.of("Warning", Severity.SEV2, "p0", Severity.SEV1), Optional.empty());
        assertEquals(Severity.SEV2, configured.map("warning", Severity.SEV4).severity());
        assertEquals(Severity.SEV1, configured.map("P0", Severity.SEV4).severity());
        assertEquals(Severity.SEV1, configured.map("critical", Severity.SEV4).severity(), "the rest of the table stays");
    }
}
