package io.sitroom.playbook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sitroom.role.Role;

/** A whole incident type as GET /api/playbooks/{id} gives it; durations in minutes. */
public record PlaybookView(String id, int version, String sha256, String title, String description, String severity, List<String> roles,
        Map<String, Long> cadenceMinutes, List<Field> fields, List<Step> checklist) {

    public record Field(String id, String label, String type, List<String> options, boolean required) {
    }

    public record Step(String id, String phase, String text, String owner, Long dueMinutes, boolean decision, String guidance) {
    }

    static PlaybookView of(PlaybookCatalog.Entry e) {
        Playbook p = e.playbook();
        Map<String, Long> cadence = new LinkedHashMap<>();
        p.cadence().forEach((severity, d) -> cadence.put(severity.id(), d.toMinutes()));
        return new PlaybookView(p.id(), p.version(), e.sha256(), p.title(), p.description(), p.defaultSeverity().id(),
                p.roles().stream().map(Role::wire).sorted().toList(), cadence,
                p.fields().stream().map(f -> new Field(f.id(), f.label(), f.type().wire(), f.options(), f.required())).toList(),
                p.steps().stream().map(s -> new Step(s.id(), s.phase().wire(), s.text(), s.owner().wire(),
                        s.due() == null ? null : s.due().toMinutes(), s.decision(), s.guidance())).toList());
    }
}
