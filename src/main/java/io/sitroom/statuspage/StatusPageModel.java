package io.sitroom.statuspage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the public page shows at one version of it, read from the projections: the components, and the
 * public incidents that published at least one statement, newest first, each with its published statements
 * (newest first). Nothing else of a room is here: an incident is named by its latest published statement.
 */
record StatusPageModel(long version, Instant updatedAt, List<Component> components, List<Incident> incidents) {

    record Component(UUID id, String name, String description, ComponentStatus status, int position, Instant createdAt,
            Instant updatedAt) {
    }

    record Update(UUID roomId, long seq, UUID statementId, int version, String title, String body, String textHash, String status,
            Instant publishedAt) {

        /** A stable id for the update: the room and the seq of its publication. */
        String id() {
            return roomId + "-" + seq;
        }
    }

    record Incident(UUID roomId, String name, String status, String impact, Instant createdAt, Instant updatedAt, Instant monitoringAt,
            Instant resolvedAt, List<Update> updates) {

        boolean resolved() {
            return IncidentTerms.RESOLVED.equals(status);
        }
    }

    List<Incident> unresolved() {
        return incidents.stream().filter(i -> !i.resolved()).toList();
    }

    /** The page's indicator (none, minor, major, critical, maintenance): the worst of its components and unresolved incidents. */
    String indicator() {
        int worst = 0;
        boolean maintenance = false;
        for (Component c : components) {
            if (c.status() == ComponentStatus.UNDER_MAINTENANCE) {
                maintenance = true;
            } else {
                worst = Math.max(worst, rank(c.status().indicator()));
            }
        }
        for (Incident i : unresolved()) {
            worst = Math.max(worst, rank(i.impact()));
        }
        return worst == 0 && maintenance ? "maintenance" : INDICATORS.get(worst);
    }

    /** Statuspage's words for the indicator. */
    String description() {
        return switch (indicator()) {
            case "minor" -> "Minor Service Outage";
            case "major" -> "Partial System Outage";
            case "critical" -> "Major Service Outage";
            case "maintenance" -> "Service Under Maintenance";
            default -> "All Systems Operational";
        };
    }

    private static final List<String> INDICATORS = List.of("none", "minor", "major", "critical");

    private static int rank(String indicator) {
        return Math.max(0, INDICATORS.indexOf(indicator));
    }
}
