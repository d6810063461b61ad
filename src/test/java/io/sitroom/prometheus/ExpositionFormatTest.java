package io.sitroom.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ExpositionFormatTest {

    @Test
    void prometheusScrapeHeader_getsOpenMetrics() {
        assertEquals(ExpositionFormat.OPENMETRICS, ExpositionFormat.of("application/openmetrics-text;version=1.0.0,"
                + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1"));
    }

    @Test
    void openMetricsByVersionAlone_getsOpenMetrics() {
        assertEquals(ExpositionFormat.OPENMETRICS, ExpositionFormat.of("application/openmetrics-text; version=1.0.0"));
    }

    @Test
    void noHeader_anyType_orTextPreferred_getTheTextFormat() {
        assertEquals(ExpositionFormat.TEXT, ExpositionFormat.of(null));
        assertEquals(ExpositionFormat.TEXT, ExpositionFormat.of("*/*"));
        assertEquals(ExpositionFormat.TEXT, ExpositionFormat.of("text/plain;version=0.0.4,application/openmetrics-text;q=0.5"));
        assertEquals(ExpositionFormat.TEXT, ExpositionFormat.of("text/html,application/xhtml+xml,*/*;q=0.8"));
    }

    @Test
    void aRefusedOrUnreadableQuality_neverPicksTheFormat() {
        assertEquals(ExpositionFormat.TEXT, ExpositionFormat.of("application/openmetrics-text;q=0"));
        assertEquals(ExpositionFormat.TEXT, ExpositionFormat.of("application/openmetrics-text;q=abc"));
    }
}
