package io.sitroom.playbook;

import java.util.List;
import java.util.UUID;

import io.sitroom.error.SitroomException;
import io.sitroom.room.Command;
import io.sitroom.room.Fields;

/** Commands on incident types, checklists and custom fields. */
public sealed interface PlaybookCommand extends Command {

    /** Applies an incident type (its playbook) to the room. */
    record Apply(String type) implements PlaybookCommand {
        public Apply {
            type = Fields.text(type, "type", 64);
        }
    }

    record Check(String itemId, String note) implements PlaybookCommand {
        public Check {
            itemId = Fields.text(itemId, "itemId", 64);
            note = Fields.optionalText(note, "note", 2_000);
        }
    }

    record Uncheck(String itemId) implements PlaybookCommand {
        public Uncheck {
            itemId = Fields.text(itemId, "itemId", 64);
        }
    }

    record Skip(String itemId, String reason) implements PlaybookCommand {
        public Skip {
            itemId = Fields.text(itemId, "itemId", 64);
            if (reason == null || reason.isBlank()) {
                throw SitroomException.invalid("field 'reason' is required: say why the step is skipped");
            }
            reason = Fields.text(reason, "reason", 2_000);
        }
    }

    /** {@code userId} null gives the item back to its owner role. */
    record Assign(String itemId, UUID userId) implements PlaybookCommand {
        public Assign {
            itemId = Fields.text(itemId, "itemId", 64);
        }
    }

    /** {@code values}: the field's value(s) as text; empty or absent clears it. */
    record SetField(String fieldId, List<String> values) implements PlaybookCommand {
        public SetField {
            fieldId = Fields.text(fieldId, "fieldId", 64);
            values = values == null ? List.of() : values.stream().map(v -> Fields.text(v, "values[]", 2_000)).toList();
            if (values.size() > 50) {
                throw SitroomException.invalid("field 'values' has more than 50 values");
            }
        }
    }
}
