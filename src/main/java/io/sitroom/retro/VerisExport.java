package io.sitroom.retro;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sitroom.room.Phase;
import io.sitroom.room.RoomSnapshot;

/**
 * An incident as a VERIS 1.4 record (verisc). Sitroom records how a response was run, not how the
 * attack worked, so actor, action and asset are "Unknown" with the room's summary in their notes:
 * an analyst classifies them; the timeline, discovery and containment come from the log. Pure.
 */
final class VerisExport {

    private VerisExport() {
    }

    static Map<String, Object> from(RoomExport export, Phase opening) {
        RoomSnapshot room = export.room();
        Instant opened = Instant.parse(room.createdAt());
        ZonedDateTime day = opened.atZone(ZoneOffset.UTC);
        Map<String, Object> veris = new LinkedHashMap<>();
        veris.put("schema_version", "1.4.0");
        veris.put("schema_name", "verisc");
        veris.put("incident_id", room.id().toString());
        veris.put("security_incident", room.phase().equals(opening) ? "Suspected" : "Confirmed");
        veris.put("summary", room.title() + ". Severity " + room.severity() + ", phase " + room.phase().wire()
                + ". Exported from Sitroom (sitroom-export/1); the response timeline and decisions are in the Sitroom export.");
        veris.put("confidence", "Medium");
        String notes = "Not classified in Sitroom; see the incident room " + room.id() + ".";
        veris.put("actor", Map.of("unknown", Map.of("notes", notes)));
        veris.put("action", Map.of("unknown", Map.of("notes", notes, "result", List.of("Unknown"))));
        veris.put("asset", Map.of("assets", List.of(Map.of("variety", "Unknown")), "cloud", List.of("Unknown")));
        veris.put("discovery_method", Map.of("unknown", true));
        Map<String, Object> timeline = new LinkedHashMap<>();
        timeline.put("incident", Map.of("year", day.getYear(), "month", day.getMonthValue(), "day", day.getDayOfMonth()));
        Object contained = export.metrics().timeToContainmentSeconds();
        timeline.put("containment", contained instanceof Number seconds
                ? Map.of("unit", "Hours", "value", Math.round(seconds.doubleValue() / 36.0) / 100.0)
                : Map.of("unit", "Unknown"));
        veris.put("timeline", timeline);
        veris.put("plus", Map.of("master_id", room.id().toString(), "created", export.exportedAt(), "modified", export.exportedAt(),
                "analyst", export.exportedBy().displayName()));
        veris.put("notes", String.join("\n", export.lessonsLearned()));
        return veris;
    }
}
