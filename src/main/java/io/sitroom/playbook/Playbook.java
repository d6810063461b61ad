package io.sitroom.playbook;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.sitroom.role.Role;
import io.sitroom.room.Phase;
import io.sitroom.room.Severity;

/**
 * An incident type: what kind of incident a room is, and the playbook that comes with it (the roles to
 * fill, how often status updates are owed per severity, the custom fields to record, and a checklist
 * of steps by phase). Read from a YAML file by {@link PlaybookParser}; see docs/playbook-format.md.
 */
public record Playbook(String id, int version, String title, String description, Severity defaultSeverity, Set<Role> roles,
        Map<Severity, Duration> cadence, List<FieldDef> fields, List<Step> steps) {

    /** A step of the checklist: done once, by its owner role; {@code due} after the room opened (or the type was applied). */
    public record Step(String id, Phase phase, String text, Role owner, Duration due, boolean decision, String guidance) {
    }

    /** A custom field the type records (the fields every room of the type fills in as the incident is understood). */
    public record FieldDef(String id, String label, FieldType type, List<String> options, boolean required) {
    }

    public Optional<FieldDef> field(String fieldId) {
        return fields.stream().filter(f -> f.id().equals(fieldId)).findFirst();
    }

    /** The type's cadence for a severity: empty if it does not set one (then the deployment's applies). */
    public Optional<Duration> cadenceFor(Severity severity) {
        return Optional.ofNullable(cadence.get(severity));
    }
}
