package io.sitroom.statuspage;

import java.util.List;

import io.sitroom.clock.WireTime;

/**
 * The documents of Atlassian Statuspage's public API (v2), field for field as it names them, so that its
 * widgets and monitors read this page. Sitroom adds one field: each incident update's {@code text_hash}, the
 * SHA-256 of the published statement's canonical text (protocol.md, "Statements").
 */
final class StatuspageJson {

    private StatuspageJson() {
    }

    record Page(String id, String name, String url, String time_zone, String updated_at) {
    }

    record Status(String indicator, String description) {
    }

    record Component(String id, String name, String status, String created_at, String updated_at, int position, String description,
            boolean showcase, String start_date, String group_id, String page_id, boolean group, boolean only_show_if_degraded) {
    }

    record IncidentUpdate(String id, String status, String body, String incident_id, String created_at, String updated_at,
            String display_at, List<Object> affected_components, boolean deliver_notifications, String custom_tweet, String tweet_id,
            String text_hash) {
    }

    record Incident(String id, String name, String status, String created_at, String updated_at, String monitoring_at,
            String resolved_at, String impact, String shortlink, String started_at, String page_id, List<IncidentUpdate> incident_updates,
            List<Component> components) {
    }

    record StatusDocument(Page page, Status status) {
    }

    record SummaryDocument(Page page, List<Component> components, List<Incident> incidents, List<Object> scheduled_maintenances,
            Status status) {
    }

    record IncidentsDocument(Page page, List<Incident> incidents) {
    }

    static Page page(StatusPageModel model, StatusPageConfig config) {
        return new Page(config.id(), config.name(), pageUrl(config), "Etc/UTC", WireTime.format(model.updatedAt()));
    }

    static String pageUrl(StatusPageConfig config) {
        return config.url().orElse("/status");
    }

    static Status status(StatusPageModel model) {
        return new Status(model.indicator(), model.description());
    }

    static List<Component> components(StatusPageModel model, StatusPageConfig config) {
        return model.components().stream().map(c -> new Component(c.id().toString(), c.name(), c.status().wire(),
                WireTime.format(c.createdAt()), WireTime.format(c.updatedAt()), c.position(), c.description(), true, null, null, config.id(),
                false, false)).toList();
    }

    static List<Incident> incidents(List<StatusPageModel.Incident> incidents, StatusPageConfig config) {
        return incidents.stream().map(i -> incident(i, config)).toList();
    }

    private static Incident incident(StatusPageModel.Incident i, StatusPageConfig config) {
        String id = i.roomId().toString();
        List<IncidentUpdate> updates = i.updates().stream().map(u -> new IncidentUpdate(u.id(), u.status(), u.body(), id,
                WireTime.format(u.publishedAt()), WireTime.format(u.publishedAt()), WireTime.format(u.publishedAt()), null, false, null, null,
                u.textHash())).toList();
        return new Incident(id, i.name(), i.status(), WireTime.format(i.createdAt()), WireTime.format(i.updatedAt()),
                WireTime.formatOrNull(i.monitoringAt()), WireTime.formatOrNull(i.resolvedAt()), i.impact(),
                pageUrl(config) + "#incident-" + id, WireTime.format(i.createdAt()), config.id(), updates, List.of());
    }
}
