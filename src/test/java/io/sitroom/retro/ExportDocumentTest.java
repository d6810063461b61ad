package io.sitroom.retro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.sitroom.decision.DecisionView;
import io.sitroom.metrics.RoomMetrics;
import io.sitroom.room.Phase;
import io.sitroom.room.RoomKind;
import io.sitroom.room.RoomSnapshot;
import io.sitroom.room.Severity;

class ExportDocumentTest {

    private static RoomSnapshot withSection(String name, Object value) {
        Map<String, Object> sections = new LinkedHashMap<>();
        sections.put(name, value);
        return new RoomSnapshot(UUID.randomUUID(), RoomKind.INCIDENT, "Room", Severity.SEV2, Phase.DETECTION, "2026-01-01T00:00:00Z",
                UUID.randomUUID(), 1, "hash", List.of(), List.of(), List.of(), List.of(), sections);
    }

    @Test
    void section_failsLoudly_whenItIsNotAList() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ExportDocument.section(withSection("decisions", Map.of()), "decisions", DecisionView.class));
        assertEquals(true, e.getMessage().contains("decisions"));
    }

    @Test
    void section_failsLoudly_whenItHoldsAnotherType() {
        assertThrows(IllegalStateException.class,
                () -> ExportDocument.section(withSection("decisions", List.of("not a decision")), "decisions", DecisionView.class));
    }

    @Test
    void section_isEmpty_whenNoFeatureAddedIt() {
        assertEquals(List.of(), ExportDocument.section(withSection("other", List.of()), "decisions", DecisionView.class));
    }

    @Test
    void metrics_listThoseThatHappened_withoutTheRoomsOwnFields() {
        RoomMetrics metrics = new RoomMetrics(UUID.randomUUID(), RoomKind.EXERCISE, "Room", Severity.SEV1, Phase.ANALYSIS,
                "2026-01-01T00:00:00.000Z", null, null, null, 600L, null, 2L, 0, null, null,
                new RoomMetrics.ExerciseScore(1, 4, 0.25, null));
        assertEquals(List.of(new ExportDocument.Metric("severity", "SEV1"), new ExportDocument.Metric("phase", "analysis"),
                new ExportDocument.Metric("openedAt", "2026-01-01T00:00:00.000Z"), new ExportDocument.Metric("timeToContainmentSeconds", "600"),
                new ExportDocument.Metric("overdueActions", "2"), new ExportDocument.Metric("openExceptions", "0"),
                new ExportDocument.Metric("exerciseScore", "met 1 of 4 (25%)")), ExportDocument.metrics(metrics));
    }
}
