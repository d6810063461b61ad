package io.sitroom.proof;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sitroom.clock.WireTime;
import io.sitroom.playbook.FieldType;
import io.sitroom.playbook.PlaybookEvent;
import io.sitroom.role.Role;

/**
 * The room's incident type, checklist and custom fields ({@code room.playbook}, {@code room.checklist},
 * {@code room.fields}) as {@code PlaybookFeature} projects them and {@code PlaybookViews} shows them, from the
 * type's {@code playbook.applied} (which carries every step and field) and what was done with them since. Every
 * event of an incident type is recorded for everyone, so every exporter proves these.
 */
final class ProvenPlaybook {

    private Map<String, Object> type;
    private final Map<String, Item> items = new LinkedHashMap<>();
    private final Map<String, Field> fields = new LinkedHashMap<>();

    void apply(Fact fact) {
        if (fact.payload() instanceof PlaybookEvent.Applied applied) {
            applied(fact, applied);
        } else if (fact.payload() instanceof PlaybookEvent.FieldSet set && fields.containsKey(set.fieldId())) {
            Field field = fields.get(set.fieldId());
            field.values = stored(field.type, set.values());
            field.display = set.display();
            field.seq = fact.seq();
        } else if (fact.payload() instanceof PlaybookEvent.ItemEvent event && items.containsKey(event.itemId())) {
            items.get(event.itemId()).apply(fact, event);
        }
    }

    /** The three sections by path; a room without a type has none ({@code null}) and empty lists. */
    Map<String, Object> sections() {
        Map<String, Object> sections = new LinkedHashMap<>();
        sections.put("room.playbook", type);
        sections.put("room.checklist", items.values().stream().map(Item::json).toList());
        sections.put("room.fields", fields.values().stream().map(Field::json).toList());
        return sections;
    }

    private void applied(Fact fact, PlaybookEvent.Applied applied) {
        type = new LinkedHashMap<>();
        type.put("typeId", applied.typeId());
        type.put("title", applied.title());
        type.put("version", applied.version());
        type.put("sha256", applied.sha256());
        type.put("roles", applied.roles().stream().map(Role::wire).sorted().toList());
        type.put("seq", fact.seq());
        for (PlaybookEvent.ItemSpec spec : applied.items()) {
            items.put(spec.itemId(), new Item(spec, fact.seq()));
        }
        for (PlaybookEvent.FieldSpec spec : applied.fields()) {
            fields.put(spec.fieldId(), new Field(spec));
        }
    }

    /**
     * A list as the projection stores it (one line each) and reads it back: a text field's value is its whole
     * text, another field's one entry a line.
     */
    private static List<String> stored(FieldType type, List<String> values) {
        return type == FieldType.TEXT && !values.isEmpty() ? List.of(String.join("\n", values)) : lines(values);
    }

    /** Entries stored one a line and read back. */
    private static List<String> lines(List<String> values) {
        return values.isEmpty() ? List.of() : Arrays.asList(String.join("\n", values).split("\n"));
    }

    /** A step of the checklist, as {@code PlaybookViews.ItemView}. */
    private static final class Item {
        final PlaybookEvent.ItemSpec spec;
        String status = "open";
        String assigneeId;
        String assigneeName;
        boolean overdue;
        boolean late;
        String note;
        String skipReason;
        String doneAt;
        String doneBy;
        String doneByName;
        long seq;

        Item(PlaybookEvent.ItemSpec spec, long seq) {
            this.spec = spec;
            this.seq = seq;
        }

        void apply(Fact fact, PlaybookEvent.ItemEvent event) {
            seq = fact.seq();
            if (event instanceof PlaybookEvent.Checked checked) {
                status = "done";
                late = checked.late();
                note = checked.note();
                done(fact);
            } else if (event instanceof PlaybookEvent.Skipped skipped) {
                status = "skipped";
                skipReason = skipped.reason();
                done(fact);
            } else if (event instanceof PlaybookEvent.Unchecked) {
                status = "open";
                late = false;
                note = null;
                skipReason = null;
                doneAt = null;
                doneBy = null;
                doneByName = null;
            } else if (event instanceof PlaybookEvent.Assigned assigned) {
                assigneeId = assigned.assigneeId() == null ? null : assigned.assigneeId().toString();
                assigneeName = assigned.assigneeName();
            } else if (event instanceof PlaybookEvent.Overdue) {
                overdue = true;
            }
        }

        private void done(Fact fact) {
            doneAt = WireTime.format(fact.at());
            doneBy = fact.actor() == null ? null : fact.actor().userId().toString();
            doneByName = fact.actor() == null ? null : fact.actor().displayName();
        }

        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("itemId", spec.itemId());
            json.put("phase", spec.phase().wire());
            json.put("text", spec.text());
            json.put("ownerRole", spec.ownerRole() == null ? null : spec.ownerRole().wire());
            json.put("dueAt", WireTime.formatOrNull(spec.dueAt()));
            json.put("decision", spec.decision());
            json.put("status", status);
            json.put("assigneeId", assigneeId);
            json.put("assigneeName", assigneeName);
            json.put("overdue", overdue);
            json.put("late", late);
            json.put("note", note);
            json.put("skipReason", skipReason);
            json.put("doneAt", doneAt);
            json.put("doneBy", doneBy);
            json.put("doneByName", doneByName);
            json.put("seq", seq);
            return json;
        }
    }

    /** A custom field, as {@code PlaybookViews.FieldView}: no values and no seq while it was never set. */
    private static final class Field {
        final PlaybookEvent.FieldSpec spec;
        final FieldType type;
        List<String> values = List.of();
        String display;
        Long seq;

        Field(PlaybookEvent.FieldSpec spec) {
            this.spec = spec;
            this.type = spec.type();
        }

        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("fieldId", spec.fieldId());
            json.put("label", spec.label());
            json.put("type", type.wire());
            json.put("options", lines(spec.options()));
            json.put("required", spec.required());
            json.put("values", values);
            json.put("display", display == null ? "" : display);
            json.put("seq", seq);
            return json;
        }
    }
}
