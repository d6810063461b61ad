package io.sitroom.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class TaxonomyTest {

    private final Taxonomy defaults = Taxonomy.defaults();
    private final Taxonomy priorities = TaxonomyFixtures.priorities();

    @Test
    void theDefault_isWhatSitroomAlwaysHad() {
        assertEquals(List.of("SEV1", "SEV2", "SEV3", "SEV4"), defaults.severities().stream().map(l -> l.id().id()).toList());
        assertEquals(List.of("detection", "analysis", "containment", "eradication", "recovery", "post_incident", "closed"),
                defaults.phases().stream().map(s -> s.id().id()).toList());
        assertEquals(Severity.SEV3, defaults.defaultSeverity());
        assertEquals(Phase.DETECTION, defaults.openingPhase());
        assertEquals(Optional.of(Duration.ofMinutes(30)), defaults.updateCadence(Severity.SEV1));
        assertEquals(Optional.of(Duration.ofHours(4)), defaults.updateCadence(Severity.SEV3));
        assertEquals(Optional.empty(), defaults.updateCadence(Severity.SEV4), "SEV4 owes no status updates");
        assertEquals("Erkennung", defaults.phases().get(0).name().get("de"));
        assertEquals("#b3261e", defaults.level(Severity.SEV1).orElseThrow().colour());
    }

    @Test
    void containment_countsFromThePhaseMarkedContained() {
        assertFalse(defaults.contained(Phase.ANALYSIS));
        assertTrue(defaults.contained(Phase.CONTAINMENT));
        assertTrue(defaults.contained(Phase.RECOVERY));
        assertTrue(defaults.contained(Phase.CLOSED));
        assertFalse(priorities.contained(Phase.of("triage")));
        assertTrue(priorities.contained(Phase.of("mitigate")));
        assertTrue(priorities.contained(Phase.of("review")));
    }

    @Test
    void aPhaseTheListNoLongerHas_isJudgedByTheDefaults_andAnUnknownOneIsNotContained() {
        assertTrue(priorities.contained(Phase.ERADICATION), "a room from before the change keeps its meaning");
        assertFalse(priorities.contained(Phase.ANALYSIS));
        assertFalse(priorities.contained(Phase.of("hunting")));
    }

    @Test
    void lookups_acceptIdsAndAliases_inAnyCase() {
        assertEquals(Optional.of(Severity.of("P1")), priorities.severity("Blocker"));
        assertEquals(Optional.of(Severity.of("P2")), priorities.severity("p2"));
        assertEquals(Optional.of(Severity.of("P2")), priorities.severity("SEV2"), "the shipped playbooks' ids, as aliases");
        assertEquals(Optional.empty(), priorities.severity("SEV5"));
        assertEquals(Optional.of(Phase.of("triage")), priorities.phase("DETECTION"));
        assertEquals(Optional.of(Phase.CLOSED), priorities.phase("closed"));
        assertEquals(Severity.of("P1"), priorities.choose(Severity.of("sev0")));
    }

    @Test
    void choosing_aValueNotInTheList_namesTheList() {
        RuntimeException refused = assertThrows(RuntimeException.class, () -> priorities.choose(Phase.of("hunting")));
        assertEquals("phase must be one of triage, mitigate, restore, review, closed, not 'hunting'", refused.getMessage());
    }

    @Test
    void severities_sortInTheDeploymentsOrder_withOnesItNoLongerHasLast() {
        List<Severity> list = new ArrayList<>(List.of(Severity.of("P5"), Severity.SEV1, Severity.of("P1"), Severity.of("P3")));
        list.sort(priorities.bySeverity());
        assertEquals(List.of(Severity.of("P1"), Severity.of("P3"), Severity.of("P5"), Severity.SEV1), list);
    }

    @Test
    void aPlaceOnTheFourStepScale_landsOnALongerOrShorterList() {
        assertEquals(List.of("SEV1", "SEV2", "SEV3", "SEV4"), places(defaults));
        assertEquals(List.of("P1", "P2", "P4", "P5"), places(priorities));
    }

    private static List<String> places(Taxonomy taxonomy) {
        return List.of(0, 1, 2, 3).stream().map(p -> taxonomy.onScale(p, 4).id()).toList();
    }

    /** Where the web client's test finds the default list as the server tells it (frontend/src/taxonomy.test.ts). */
    static final Path CLIENT_FIXTURE = Path.of("target", "parity-fixtures", "taxonomy", "default.json");

    @Test
    void theDefaultView_isWrittenForTheWebClientsCopy() throws Exception {
        Files.createDirectories(CLIENT_FIXTURE.getParent());
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(CLIENT_FIXTURE.toFile(), defaults.view());
        assertTrue(Files.size(CLIENT_FIXTURE) > 0);
    }

    @Test
    void theView_isWhatClientsAreTold() {
        Taxonomy.View view = priorities.view();
        assertEquals("P4", view.defaultSeverity());
        assertEquals(new Taxonomy.View.SeverityView("P1", Map.of("en", "P1 critical", "de", "P1 kritisch"),
                Map.of("en", "Whole service down or data confirmed stolen."), "#7f1d1d", 15L, List.of("sev0", "blocker", "SEV1")), view.severities().get(0));
        assertEquals(Map.of("en", "P3 moderate"), view.severities().get(2).name());
        assertEquals(null, view.severities().get(2).updateCadenceMinutes());
        assertEquals(List.of(false, true, true, true, true), view.phases().stream().map(Taxonomy.View.PhaseView::contained).toList());
        assertEquals(Map.of("en", "resolved", "de", "gelöst"), view.phases().get(4).name());
        assertEquals(Map.of("en", "mitigate"), view.phases().get(1).name(), "a phase without a name is called by its id");
    }
}
