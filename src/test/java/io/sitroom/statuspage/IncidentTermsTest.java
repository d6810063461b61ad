package io.sitroom.statuspage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.sitroom.room.Phase;
import io.sitroom.room.Severity;

class IncidentTermsTest {

    @Test
    void theIncidentStatus_followsThePhase() {
        assertEquals("investigating", IncidentTerms.of(Severity.SEV2, Phase.DETECTION).status());
        assertEquals("investigating", IncidentTerms.of(Severity.SEV2, Phase.ANALYSIS).status());
        assertEquals("identified", IncidentTerms.of(Severity.SEV2, Phase.CONTAINMENT).status());
        assertEquals("identified", IncidentTerms.of(Severity.SEV2, Phase.ERADICATION).status());
        assertEquals("monitoring", IncidentTerms.of(Severity.SEV2, Phase.RECOVERY).status());
        assertEquals("resolved", IncidentTerms.of(Severity.SEV2, Phase.POST_INCIDENT).status());
        assertEquals("resolved", IncidentTerms.of(Severity.SEV2, Phase.CLOSED).status());
    }

    @Test
    void theImpact_followsTheSeverity() {
        assertEquals("critical", IncidentTerms.of(Severity.SEV1, Phase.ANALYSIS).impact());
        assertEquals("major", IncidentTerms.of(Severity.SEV2, Phase.ANALYSIS).impact());
        assertEquals("minor", IncidentTerms.of(Severity.SEV3, Phase.ANALYSIS).impact());
        assertEquals("none", IncidentTerms.of(Severity.SEV4, Phase.ANALYSIS).impact());
    }

    @Test
    void thePageIndicator_isTheWorstOfComponentsAndUnresolvedIncidents() {
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        StatusPageModel.Component degraded = new StatusPageModel.Component(UUID.randomUUID(), "API", null,
                ComponentStatus.DEGRADED_PERFORMANCE, 0, at, at);
        StatusPageModel.Component maintenance = new StatusPageModel.Component(UUID.randomUUID(), "Web", null,
                ComponentStatus.UNDER_MAINTENANCE, 1, at, at);
        StatusPageModel.Incident critical = new StatusPageModel.Incident(UUID.randomUUID(), "Outage", "identified", "critical", at, at, null,
                null, List.of());
        StatusPageModel.Incident resolved = new StatusPageModel.Incident(UUID.randomUUID(), "Old", "resolved", "critical", at, at, null, at,
                List.of());
        assertEquals("none", new StatusPageModel(1, at, List.of(), List.of()).indicator());
        assertEquals("All Systems Operational", new StatusPageModel(1, at, List.of(), List.of(resolved)).description());
        assertEquals("maintenance", new StatusPageModel(1, at, List.of(maintenance), List.of()).indicator());
        assertEquals("minor", new StatusPageModel(1, at, List.of(degraded, maintenance), List.of(resolved)).indicator());
        assertEquals("Major Service Outage", new StatusPageModel(1, at, List.of(degraded), List.of(critical)).description());
    }

    @Test
    void acceptEncoding_acceptsGzipByNameOrStar_unlessQIsZero() {
        org.junit.jupiter.api.Assertions.assertTrue(StatusPage.acceptsGzip("gzip, deflate, br"));
        org.junit.jupiter.api.Assertions.assertTrue(StatusPage.acceptsGzip("br;q=1.0, GZIP;q=0.5"));
        org.junit.jupiter.api.Assertions.assertTrue(StatusPage.acceptsGzip("*"));
        org.junit.jupiter.api.Assertions.assertFalse(StatusPage.acceptsGzip("gzip;q=0"));
        org.junit.jupiter.api.Assertions.assertFalse(StatusPage.acceptsGzip("gzip; q=0.000"));
        org.junit.jupiter.api.Assertions.assertFalse(StatusPage.acceptsGzip("identity"));
        org.junit.jupiter.api.Assertions.assertFalse(StatusPage.acceptsGzip(null));
        org.junit.jupiter.api.Assertions.assertFalse(StatusPage.acceptsGzip(";;,,q=1"));
    }

    @Test
    void ifNoneMatch_matchesAListWeakTagsAndStar() {
        org.junit.jupiter.api.Assertions.assertTrue(StatusPage.matches("\"a\", W/\"b\"", "\"b\""));
        org.junit.jupiter.api.Assertions.assertTrue(StatusPage.matches("*", "\"b\""));
        org.junit.jupiter.api.Assertions.assertFalse(StatusPage.matches("\"a\"", "\"b\""));
        org.junit.jupiter.api.Assertions.assertFalse(StatusPage.matches("", "\"b\""));
    }
}
