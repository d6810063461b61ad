package io.sitroom.statuspage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.sitroom.room.Phase;
import io.sitroom.room.Severity;
import io.sitroom.room.Taxonomy;
import io.sitroom.room.TaxonomyFixtures;

class IncidentTermsTest {

    private static final Taxonomy DEFAULTS = Taxonomy.defaults();

    @Test
    void aDeploymentsOwnList_readsByItsContainedPhaseAndTheSeveritysPlace() {
        Taxonomy priorities = TaxonomyFixtures.priorities();
        assertEquals("investigating", IncidentTerms.of(priorities, Severity.of("P3"), Phase.of("triage")).status());
        assertEquals("identified", IncidentTerms.of(priorities, Severity.of("P3"), Phase.of("mitigate")).status());
        assertEquals("identified", IncidentTerms.of(priorities, Severity.of("P3"), Phase.of("review")).status());
        assertEquals("resolved", IncidentTerms.of(priorities, Severity.of("P3"), Phase.CLOSED).status());
        assertEquals("investigating", IncidentTerms.of(priorities, Severity.of("P3"), Phase.of("hunting")).status());
        assertEquals(List.of("critical", "major", "minor", "minor", "none", "minor"),
                List.of("P1", "P2", "P3", "P4", "P5", "SEV9").stream()
                        .map(s -> IncidentTerms.of(priorities, Severity.of(s), Phase.of("triage")).impact()).toList());
    }

    @Test
    void theIncidentStatus_followsThePhase() {
        assertEquals("investigating", IncidentTerms.of(DEFAULTS, Severity.SEV2, Phase.DETECTION).status());
        assertEquals("investigating", IncidentTerms.of(DEFAULTS, Severity.SEV2, Phase.ANALYSIS).status());
        assertEquals("identified", IncidentTerms.of(DEFAULTS, Severity.SEV2, Phase.CONTAINMENT).status());
        assertEquals("identified", IncidentTerms.of(DEFAULTS, Severity.SEV2, Phase.ERADICATION).status());
        assertEquals("monitoring", IncidentTerms.of(DEFAULTS, Severity.SEV2, Phase.RECOVERY).status());
        assertEquals("resolved", IncidentTerms.of(DEFAULTS, Severity.SEV2, Phase.POST_INCIDENT).status());
        assertEquals("resolved", IncidentTerms.of(DEFAULTS, Severity.SEV2, Phase.CLOSED).status());
    }

    @Test
    void theImpact_followsTheSeverity() {
        assertEquals("critical", IncidentTerms.of(DEFAULTS, Severity.SEV1, Phase.ANALYSIS).impact());
        assertEquals("major", IncidentTerms.of(DEFAULTS, Severity.SEV2, Phase.ANALYSIS).impact());
        assertEquals("minor", IncidentTerms.of(DEFAULTS, Severity.SEV3, Phase.ANALYSIS).impact());
        assertEquals("none", IncidentTerms.of(DEFAULTS, Severity.SEV4, Phase.ANALYSIS).impact());
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
