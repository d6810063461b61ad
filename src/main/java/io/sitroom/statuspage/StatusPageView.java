package io.sitroom.statuspage;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import io.sitroom.clock.WireTime;

/** The page as its HTML and Atom templates read it: every value ready to print (the templates escape them). */
public record StatusPageView(String name, String pageUrl, String feedUrl, String feedId, String indicator, String description,
        String updatedIso, String updatedText, List<ComponentRow> components, List<Section> sections, List<Entry> entries) {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    public record ComponentRow(String name, String description, String status, String label) {
    }

    public record UpdateRow(String status, String label, String atIso, String atText, String title, String body, String textHash) {
    }

    public record IncidentRow(String anchor, String name, String status, String label, String impact, List<UpdateRow> updates) {
    }

    public record Section(String id, String heading, String empty, List<IncidentRow> incidents) {
    }

    public record Entry(String id, String title, String updatedIso, String link, String summary, String body, String textHash) {
    }

    static StatusPageView of(StatusPageModel model, StatusPageConfig config) {
        String pageUrl = StatuspageJson.pageUrl(config);
        String feedUrl = pageUrl + "/feed.atom";
        List<ComponentRow> components = model.components().stream()
                .map(c -> new ComponentRow(c.name(), c.description(), c.status().wire(), label(c.status()))).toList();
        List<IncidentRow> active = model.unresolved().stream().map(StatusPageView::incident).toList();
        List<IncidentRow> past = model.incidents().stream().filter(StatusPageModel.Incident::resolved).map(StatusPageView::incident).toList();
        List<Section> sections = List.of(new Section("active", "Active incidents", "No active incidents.", active),
                new Section("past", "Past incidents", "No past incidents.", past));
        List<Entry> entries = model.incidents().stream().flatMap(i -> i.updates().stream().map(u -> new Entry(
                "urn:uuid:" + UUID.nameUUIDFromBytes(("sitroom-status-update:" + u.id()).getBytes(StandardCharsets.UTF_8)),
                label(u.status()) + ": " + u.title(), WireTime.format(u.publishedAt()), pageUrl + "#incident-" + i.roomId(),
                i.name() + " (" + label(u.status()) + ")", u.body(), u.textHash()))).toList();
        return new StatusPageView(config.name(), pageUrl, feedUrl,
                "urn:uuid:" + UUID.nameUUIDFromBytes(("sitroom-status-page:" + config.id()).getBytes(StandardCharsets.UTF_8)),
                model.indicator(), model.description(), WireTime.format(model.updatedAt()), SHOWN.format(model.updatedAt()), components,
                sections, entries);
    }

    private static IncidentRow incident(StatusPageModel.Incident i) {
        List<UpdateRow> updates = i.updates().stream().map(u -> new UpdateRow(u.status(), label(u.status()), WireTime.format(u.publishedAt()),
                SHOWN.format(u.publishedAt()), u.title(), u.body(), u.textHash())).toList();
        return new IncidentRow("incident-" + i.roomId(), i.name(), i.status(), label(i.status()), i.impact(), updates);
    }

    static String shown(Instant at) {
        return SHOWN.format(at);
    }

    private static String label(ComponentStatus status) {
        return switch (status) {
            case OPERATIONAL -> "Operational";
            case DEGRADED_PERFORMANCE -> "Degraded performance";
            case PARTIAL_OUTAGE -> "Partial outage";
            case MAJOR_OUTAGE -> "Major outage";
            case UNDER_MAINTENANCE -> "Under maintenance";
        };
    }

    private static String label(String incidentStatus) {
        return incidentStatus.isEmpty() ? incidentStatus : Character.toUpperCase(incidentStatus.charAt(0)) + incidentStatus.substring(1);
    }
}
