package io.sitroom.playbook;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.sitroom.error.SitroomException;
import io.sitroom.playbook.PlaybookEvent.FieldSpec;
import io.sitroom.playbook.PlaybookEvent.ItemSpec;
import io.sitroom.room.Authority;
import io.sitroom.room.CommandContext;
import io.sitroom.room.Member;
import io.sitroom.room.NewEvent;
import io.sitroom.room.Severity;

/**
 * Incident types in a room: applying one (once), the checklist's items checked, unchecked, skipped
 * with a reason, assigned, and reported overdue; custom fields set with values of their type. Pure.
 */
public final class PlaybookDecider {

    private PlaybookDecider() {
    }

    /**
     * Applies a type. {@code entry}: the type from the catalog (null: no such type); {@code applied}: the
     * type already applied to the room (null: none). Steps fall due their offset after {@code now}.
     */
    public static List<NewEvent> apply(String typeId, PlaybookCatalog.Entry entry, String applied, Instant now) {
        if (entry == null) {
            throw SitroomException.notFound("no incident type '" + typeId + "' (see GET /api/playbooks)");
        }
        if (applied != null) {
            throw SitroomException.conflict("the room's type is " + applied + " already; a room has one type");
        }
        Playbook p = entry.playbook();
        Map<Severity, Long> cadence = new LinkedHashMap<>();
        p.cadence().forEach((severity, d) -> cadence.put(severity, d.toMinutes()));
        List<FieldSpec> fields = p.fields().stream()
                .map(f -> new FieldSpec(f.id(), f.label(), f.type(), f.options(), f.required())).toList();
        List<ItemSpec> items = p.steps().stream()
                .map(s -> new ItemSpec(s.id(), s.phase(), s.text(), s.owner(), s.due() == null ? null : now.plus(s.due()), s.decision()))
                .toList();
        return List.of(NewEvent.forEveryone(new PlaybookEvent.Applied(p.id(), p.title(), p.version(), entry.sha256(), p.roles(), cadence,
                fields, items)));
    }

    public static List<NewEvent> check(PlaybookCommand.Check c, CommandContext context, ItemState item) {
        requireMayWork(context, required(item));
        if (item.status() == ChecklistStatus.DONE) {
            throw SitroomException.conflict("'" + item.text() + "' is done already");
        }
        boolean late = item.dueAt() != null && context.now().isAfter(item.dueAt());
        return List.of(NewEvent.forEveryone(new PlaybookEvent.Checked(item.itemId(), item.text(), c.note(), late)));
    }

    public static List<NewEvent> uncheck(CommandContext context, ItemState item) {
        requireMayWork(context, required(item));
        if (item.status() == ChecklistStatus.OPEN) {
            throw SitroomException.conflict("'" + item.text() + "' is open already");
        }
        return List.of(NewEvent.forEveryone(new PlaybookEvent.Unchecked(item.itemId(), item.text())));
    }

    public static List<NewEvent> skip(PlaybookCommand.Skip c, CommandContext context, ItemState item) {
        requireMayWork(context, required(item));
        if (item.status() != ChecklistStatus.OPEN) {
            throw SitroomException.conflict("'" + item.text() + "' is " + item.status().wire() + " already; uncheck it first");
        }
        return List.of(NewEvent.forEveryone(new PlaybookEvent.Skipped(item.itemId(), item.text(), c.reason())));
    }

    public static List<NewEvent> assign(PlaybookCommand.Assign c, CommandContext context, ItemState item) {
        required(item);
        String name = null;
        if (c.userId() != null) {
            name = context.room().member(c.userId())
                    .orElseThrow(() -> SitroomException.notFound("the assignee " + c.userId() + " is not a member of this room"))
                    .displayName();
        }
        if (java.util.Objects.equals(c.userId(), item.assigneeId())) {
            throw SitroomException.conflict(c.userId() == null ? "'" + item.text() + "' is assigned to nobody already"
                    : "'" + item.text() + "' is assigned to " + name + " already");
        }
        return List.of(NewEvent.forEveryone(new PlaybookEvent.Assigned(item.itemId(), item.text(), c.userId(), name)));
    }

    /** An open item past its due time is reported overdue, once. */
    public static List<NewEvent> overdue(ItemState item, Instant now) {
        if (item.dueAt() == null || item.dueAt().isAfter(now) || item.status() != ChecklistStatus.OPEN || item.overdue()) {
            return List.of();
        }
        return List.of(NewEvent.forEveryone(new PlaybookEvent.Overdue(item.itemId(), item.text(), item.dueAt(), item.ownerRole(),
                item.assigneeId())));
    }

    /** Sets a custom field of the room's type ({@code field} null: the type has no such field, or no type is applied). */
    public static List<NewEvent> setField(PlaybookCommand.SetField c, CommandContext context, FieldSpec field) {
        if (field == null) {
            throw SitroomException.notFound("the room's type has no field '" + c.fieldId() + "'");
        }
        List<String> values = c.values();
        String display;
        switch (field.type()) {
            case TEXT -> display = single(field, values);
            case NUMBER -> {
                values = values.stream().map(v -> number(field, v)).toList();
                display = single(field, values);
            }
            case DATE -> {
                values = values.stream().map(v -> date(field, v)).toList();
                display = single(field, values);
            }
            case SELECT -> {
                options(field, values);
                display = single(field, values);
            }
            case MULTI_SELECT -> {
                options(field, values);
                if (new HashSet<>(values).size() != values.size()) {
                    throw SitroomException.invalid("'" + field.label() + "' lists an option twice");
                }
                display = String.join(", ", values);
            }
            case USER -> {
                List<String> names = new ArrayList<>();
                for (String v : values) {
                    names.add(user(context, field, v).displayName());
                }
                single(field, values);
                display = String.join(", ", names);
            }
            default -> throw new IllegalStateException("a field type without rules: " + field.type());
        }
        return List.of(NewEvent.forEveryone(new PlaybookEvent.FieldSet(field.fieldId(), field.label(), field.type(), values,
                display == null ? "" : display)));
    }

    private static ItemState required(ItemState item) {
        if (item == null) {
            throw SitroomException.notFound("no such checklist item in this room");
        }
        return item;
    }

    /** An item is worked by the holder of its owner role, its assignee, or whoever the command's authority privileges. */
    private static void requireMayWork(CommandContext context, ItemState item) {
        Member actor = context.actor();
        boolean owner = actor.userId().equals(item.assigneeId()) || (item.ownerRole() != null && actor.holds(item.ownerRole()));
        if (!owner && !context.privileged()) {
            throw SitroomException.forbidden("only the holder of " + (item.ownerRole() == null ? "the item's role" : item.ownerRole().wire())
                    + ", its assignee or " + Authority.describe(context.privilegedRoles()) + " may " + context.command() + " it");
        }
    }

    private static String single(FieldSpec field, List<String> values) {
        if (values.size() > 1) {
            throw SitroomException.invalid("'" + field.label() + "' takes one value");
        }
        return values.isEmpty() ? "" : values.get(0);
    }

    private static String number(FieldSpec field, String value) {
        try {
            BigDecimal n = new BigDecimal(value);
            return n.signum() == 0 ? "0" : n.stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            throw SitroomException.invalid("'" + field.label() + "' takes a number, not '" + value + "'");
        }
    }

    private static String date(FieldSpec field, String value) {
        try {
            return LocalDate.parse(value).toString();
        } catch (DateTimeParseException e) {
            throw SitroomException.invalid("'" + field.label() + "' takes a date as yyyy-mm-dd, not '" + value + "'");
        }
    }

    private static void options(FieldSpec field, List<String> values) {
        for (String v : values) {
            if (!field.options().contains(v)) {
                throw SitroomException.invalid("'" + v + "' is not an option of '" + field.label() + "' (" + String.join(", ", field.options())
                        + ")");
            }
        }
    }

    private static Member user(CommandContext context, FieldSpec field, String value) {
        UUID id;
        try {
            id = UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw SitroomException.invalid("'" + field.label() + "' takes a member's user id, not '" + value + "'");
        }
        return context.room().member(id)
                .orElseThrow(() -> SitroomException.notFound("'" + field.label() + "': " + id + " is not a member of this room"));
    }
}
