package io.sitroom.statuspage;

import java.util.List;

import io.sitroom.room.Phase;
import io.sitroom.room.Severity;
import io.sitroom.room.Taxonomy;

/**
 * How a room reads on a Statuspage-compatible page: its incident status follows the room's phase, its
 * impact the room's severity, both by the deployment's list (the one place in this package that knows
 * severities and phases). Pure.
 * <ul>
 * <li>Status: closed is resolved; the default list's recovery is monitoring and its post-incident is
 * resolved; a phase at or after the one the list marks contained is identified; any other phase, or one
 * the list does not have, is investigating (never resolved).</li>
 * <li>Impact: a severity's place on the list, spread over critical, major, minor, none (on the default
 * list SEV1 to SEV4); one the list does not have is minor.</li>
 * </ul>
 */
final class IncidentTerms {

    static final String RESOLVED = "resolved";
    private static final List<String> IMPACTS = List.of("critical", "major", "minor", "none");

    record Terms(String status, String impact) {
    }

    private IncidentTerms() {
    }

    static Terms of(Taxonomy taxonomy, Severity severity, Phase phase) {
        String status;
        if (phase.isClosed() || phase.equals(Phase.POST_INCIDENT)) {
            status = RESOLVED;
        } else if (phase.equals(Phase.RECOVERY)) {
            status = "monitoring";
        } else {
            status = taxonomy.contained(phase) ? "identified" : "investigating";
        }
        List<Taxonomy.Level> levels = taxonomy.severities();
        int place = levels.stream().map(Taxonomy.Level::id).toList().indexOf(severity);
        String impact = place < 0 ? "minor"
                : IMPACTS.get(levels.size() == 1 ? 0 : Math.round((float) place * (IMPACTS.size() - 1) / (levels.size() - 1)));
        return new Terms(status, impact);
    }
}
