package io.sitroom.playbook;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.sitroom.room.Authority;
import io.sitroom.room.CommandContext;
import io.sitroom.room.CommandType;
import io.sitroom.room.EventPayload;
import io.sitroom.room.NewEvent;
import io.sitroom.room.RecordedEvent;
import io.sitroom.room.Room;
import io.sitroom.room.RoomEvent;
import io.sitroom.room.RoomFeature;
import io.sitroom.room.RoomState;
import io.sitroom.room.RoomTimer;
import io.sitroom.room.Viewer;

/**
 * Incident types in rooms: a type applied (when the room opens or later) brings its checklist and custom
 * fields; checklist items are checked, skipped, assigned and fall overdue like actions; fields are set.
 * Everything here is for everyone in the room.
 */
@ApplicationScoped
public class PlaybookFeature implements RoomFeature {

    static final String DUE_TIMER = "checklist.due";

    private final PlaybookCatalog catalog;

    public PlaybookFeature(PlaybookCatalog catalog) {
        this.catalog = catalog;
    }

    // The room's lead chooses its type: the IC of an incident, the facilitator who sets up an exercise.
    public final CommandType<PlaybookCommand.Apply> apply = new CommandType<>("playbook.apply", PlaybookCommand.Apply.class,
            Authority.lead(), this::apply);
    // An item is worked by the holder of its owner role or its assignee, and always by the room's lead.
    public static final CommandType<PlaybookCommand.Check> CHECK = new CommandType<>("checklist.check", PlaybookCommand.Check.class,
            Authority.leads().orByContent(), (c, context) -> PlaybookDecider.check(c, context, item(context, c.itemId())));
    public static final CommandType<PlaybookCommand.Uncheck> UNCHECK = new CommandType<>("checklist.uncheck",
            PlaybookCommand.Uncheck.class, Authority.leads().orByContent(),
            (c, context) -> PlaybookDecider.uncheck(context, item(context, c.itemId())));
    public static final CommandType<PlaybookCommand.Skip> SKIP = new CommandType<>("checklist.skip", PlaybookCommand.Skip.class,
            Authority.leads().orByContent(), (c, context) -> PlaybookDecider.skip(c, context, item(context, c.itemId())));
    // Who does what is the lead's call, as with roles.
    public static final CommandType<PlaybookCommand.Assign> ASSIGN = new CommandType<>("checklist.assign", PlaybookCommand.Assign.class,
            Authority.leads(), (c, context) -> PlaybookDecider.assign(c, context, item(context, c.itemId())));
    // Whoever works the incident records what they learn.
    public static final CommandType<PlaybookCommand.SetField> SET_FIELD = new CommandType<>("field.set", PlaybookCommand.SetField.class,
            Authority.working(), (c, context) -> {
                RoomField field = RoomField.inRoom(context.room().id(), c.fieldId());
                return PlaybookDecider.setField(c, context, field == null ? null : field.toSpec());
            });

    @Override
    public List<CommandType<?>> commandTypes() {
        return List.of(apply, CHECK, UNCHECK, SKIP, ASSIGN, SET_FIELD);
    }

    @Override
    public List<Class<? extends EventPayload>> eventTypes() {
        return List.of(PlaybookEvent.class);
    }

    private List<NewEvent> apply(PlaybookCommand.Apply c, CommandContext context) {
        return applyTo(context.room().id(), c.type(), context.now());
    }

    private List<NewEvent> applyTo(UUID roomId, String typeId, Instant now) {
        RoomPlaybook applied = RoomPlaybook.findById(roomId);
        return PlaybookDecider.apply(typeId, catalog.find(typeId).orElse(null), applied == null ? null : applied.typeId, now);
    }

    private static ItemState item(CommandContext context, String itemId) {
        ChecklistItem item = ChecklistItem.inRoom(context.room().id(), itemId);
        return item == null ? null : item.toState();
    }

    /** A room opened with a type ({@code room.created}'s {@code type}) has it applied in the same unit of work, by the server. */
    @Override
    public List<NewEvent> react(Room room, List<RecordedEvent> appended, Instant now) {
        for (RecordedEvent e : appended) {
            if (e.payload() instanceof RoomEvent.RoomCreated created && created.type() != null) {
                return applyTo(room.id, created.type(), now);
            }
        }
        return List.of();
    }

    @Override
    public void project(Room room, RecordedEvent event) {
        EventPayload payload = event.payload();
        if (payload instanceof PlaybookEvent.Applied applied) {
            projectApplied(room, event, applied);
        } else if (payload instanceof PlaybookEvent.FieldSet set) {
            RoomField field = RoomField.inRoom(room.id, set.fieldId());
            field.setValues(set.values());
            field.display = set.display();
            field.setSeq = event.seq();
            field.setAt = event.at();
            field.setBy = event.actorId();
        } else if (payload instanceof PlaybookEvent.ItemEvent itemEvent) {
            projectItem(room, event, itemEvent);
        }
    }

    private static void projectApplied(Room room, RecordedEvent event, PlaybookEvent.Applied applied) {
        RoomPlaybook.of(applied, room.id, event.seq(), event.at()).record(applied);
        int position = 0;
        for (PlaybookEvent.ItemSpec spec : applied.items()) {
            ChecklistItem item = new ChecklistItem();
            item.roomId = room.id;
            item.itemId = spec.itemId();
            item.position = position++;
            item.phase = spec.phase().wire();
            item.text = spec.text();
            item.ownerRole = spec.ownerRole();
            item.dueAt = spec.dueAt();
            item.needsDecision = spec.decision();
            item.status = ChecklistStatus.OPEN;
            item.appliedSeq = event.seq();
            item.updatedSeq = event.seq();
            item.persist();
            if (spec.dueAt() != null) {
                RoomTimer.schedule(room.id, DUE_TIMER, spec.itemId(), spec.dueAt());
            }
        }
        position = 0;
        for (PlaybookEvent.FieldSpec spec : applied.fields()) {
            RoomField field = new RoomField();
            field.roomId = room.id;
            field.fieldId = spec.fieldId();
            field.position = position++;
            field.label = spec.label();
            field.type = spec.type();
            field.options = spec.options().isEmpty() ? null : String.join("\n", spec.options());
            field.required = spec.required();
            field.persist();
        }
    }

    private static void projectItem(Room room, RecordedEvent event, PlaybookEvent.ItemEvent itemEvent) {
        ChecklistItem item = ChecklistItem.inRoom(room.id, itemEvent.itemId());
        item.updatedSeq = event.seq();
        if (itemEvent instanceof PlaybookEvent.Checked checked) {
            item.status = ChecklistStatus.DONE;
            item.late = checked.late();
            item.note = checked.note();
            done(item, event);
            RoomTimer.cancel(room.id, DUE_TIMER, item.itemId);
        } else if (itemEvent instanceof PlaybookEvent.Skipped skipped) {
            item.status = ChecklistStatus.SKIPPED;
            item.skipReason = skipped.reason();
            done(item, event);
            RoomTimer.cancel(room.id, DUE_TIMER, item.itemId);
        } else if (itemEvent instanceof PlaybookEvent.Unchecked) {
            item.status = ChecklistStatus.OPEN;
            item.late = false;
            item.note = null;
            item.skipReason = null;
            item.doneAt = null;
            item.doneBy = null;
            item.doneByName = null;
            // Open again: it falls due again if its time has not passed, or is overdue at once (it was, or will be, reported).
            if (item.dueAt != null && !item.overdue) {
                RoomTimer.schedule(room.id, DUE_TIMER, item.itemId, item.dueAt);
            }
        } else if (itemEvent instanceof PlaybookEvent.Assigned assigned) {
            item.assigneeId = assigned.assigneeId();
            item.assigneeName = assigned.assigneeName();
        } else if (itemEvent instanceof PlaybookEvent.Overdue) {
            item.overdue = true;
        }
    }

    private static void done(ChecklistItem item, RecordedEvent event) {
        item.doneAt = event.at();
        item.doneBy = event.actorId();
        item.doneByName = event.actor() == null ? null : event.actor().displayName();
    }

    @Override
    public List<NewEvent> onTimer(RoomTimer timer, RoomState room, Instant now) {
        if (!DUE_TIMER.equals(timer.kind)) {
            return List.of();
        }
        ChecklistItem item = ChecklistItem.inRoom(room.id(), timer.subject);
        return item == null ? List.of() : PlaybookDecider.overdue(item.toState(), now);
    }

    @Override
    public void addToSnapshot(UUID roomId, Viewer viewer, Map<String, Object> sections) {
        RoomPlaybook type = RoomPlaybook.findById(roomId);
        sections.put("playbook", type == null ? null : PlaybookViews.TypeView.of(type));
        sections.put("checklist", ChecklistItem.ofRoom(roomId).stream().map(PlaybookViews.ItemView::of).toList());
        sections.put("fields", RoomField.ofRoom(roomId).stream().map(PlaybookViews.FieldView::of).toList());
    }
}
