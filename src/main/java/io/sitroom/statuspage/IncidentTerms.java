package io.sitroom.statuspage;

import io.sitroom.room.Phase;
import io.sitroom.room.Severity;

/**
 * How a room reads on a Statuspage-compatible page: its incident status follows the room's phase, its
 * impact the room's severity. The one place in this package that knows severities and phases: they are
 * read by their wire names, and one this mapping does not know (a deployment's own) reads as
 * "investigating" with a "minor" impact, never as resolved.
 */
final class IncidentTerms {

    static final String RESOLVED = "resolved";

    record Terms(String status, String impact) {
    }

    private IncidentTerms() {
    }

    static Terms of(Severity severity, Phase phase) {
        String status = switch (String.valueOf(phase)) {
            case "containment", "eradication" -> "identified";
            case "recovery" -> "monitoring";
            case "post_incident", "closed" -> RESOLVED;
            default -> "investigating";
        };
        String impact = switch (String.valueOf(severity)) {
            case "SEV1" -> "critical";
            case "SEV2" -> "major";
            case "SEV4" -> "none";
            default -> "minor";
        };
        return new Terms(status, impact);
    }
}
