package io.sitroom.playbook;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.sitroom.role.Role;
import io.sitroom.room.EventKind;
import io.sitroom.room.EventPayload;
import io.sitroom.room.Phase;
import io.sitroom.room.Severity;

/** Events of incident types: a type applied to a room with its checklist and fields, the checklist's progress, fields set. */
public sealed interface PlaybookEvent extends EventPayload {

    /** A step of the applied checklist, due at an instant (null: no deadline). */
    record ItemSpec(String itemId, Phase phase, String text, Role ownerRole, Instant dueAt, boolean decision) {
    }

    /** A custom field the applied type records. */
    record FieldSpec(String fieldId, String label, FieldType type, List<String> options, boolean required) {
    }

    /**
     * A type applied to the room: which file (id, version, SHA-256 of its canonical form), the roles it
     * needs filled, its status-update cadence in minutes per severity (the deployment's for the others),
     * its fields and checklist.
     */
    @EventKind("playbook.applied")
    record Applied(String typeId, String title, int version, String sha256, Set<Role> roles, Map<Severity, Long> cadenceMinutes,
            List<FieldSpec> fields, List<ItemSpec> items) implements PlaybookEvent {
        @Override
        public String brief() {
            return title;
        }
    }

    /** Events about one checklist item; each carries the item's text so a timeline reads on its own. */
    sealed interface ItemEvent extends PlaybookEvent {
        String itemId();

        String text();

        @Override
        default String brief() {
            return text();
        }
    }

    /** Done; {@code late} when done after its due time. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @EventKind("checklist.checked")
    record Checked(String itemId, String text, String note, boolean late) implements ItemEvent {
    }

    /** Back to open (from done or skipped). */
    @EventKind("checklist.unchecked")
    record Unchecked(String itemId, String text) implements ItemEvent {
    }

    @EventKind("checklist.skipped")
    record Skipped(String itemId, String text, String reason) implements ItemEvent {
    }

    /** Given to a member (null: to nobody but its owner role). */
    @EventKind("checklist.assigned")
    record Assigned(String itemId, String text, UUID assigneeId, String assigneeName) implements ItemEvent {
    }

    /** An open item past its due time, reported once. */
    @EventKind("checklist.overdue")
    record Overdue(String itemId, String text, Instant dueAt, Role ownerRole, UUID assigneeId) implements ItemEvent {
    }

    /**
     * A custom field set: its values as text (a number in plain decimal, a date as yyyy-mm-dd, a user by
     * id, the options chosen), empty to clear it; {@code display} as people read it (a user's name).
     */
    @EventKind("field.set")
    record FieldSet(String fieldId, String label, FieldType type, List<String> values, String display) implements PlaybookEvent {
        @Override
        public String brief() {
            return label + ": " + (display.isEmpty() ? "(cleared)" : display);
        }
    }
}
