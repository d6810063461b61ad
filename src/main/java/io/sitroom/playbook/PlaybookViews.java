package io.sitroom.playbook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.sitroom.role.Role;
import io.sitroom.room.HashChain;

/** Incident types, checklists and fields as clients see them (snapshot sections, exports). */
public final class PlaybookViews {

    private PlaybookViews() {
    }

    /** The room's type: {@code roles} are the ones it needs filled. */
    public record TypeView(String typeId, String title, int version, String sha256, List<String> roles, long seq) {
        static TypeView of(RoomPlaybook p) {
            return new TypeView(p.typeId, p.title, p.version, p.sha256, p.roleSet().stream().map(Role::wire).sorted().toList(), p.appliedSeq);
        }
    }

    /**
     * A checklist item. {@code doneAt}/{@code doneBy}: when and by whom it was checked or skipped;
     * {@code late}: checked after its due time; {@code overdue}: reported overdue while open.
     */
    public record ItemView(String itemId, String phase, String text, String ownerRole, String dueAt, boolean decision, String status,
            UUID assigneeId, String assigneeName, boolean overdue, boolean late, String note, String skipReason, String doneAt,
            UUID doneBy, String doneByName, long seq) {
        static ItemView of(ChecklistItem i) {
            return new ItemView(i.itemId, i.phase, i.text, i.ownerRole == null ? null : i.ownerRole.wire(), time(i.dueAt), i.needsDecision,
                    i.status.wire(), i.assigneeId, i.assigneeName, i.overdue, i.late, i.note, i.skipReason, time(i.doneAt), i.doneBy,
                    i.doneByName, i.updatedSeq);
        }
    }

    /** A custom field with its value ({@code values} empty and {@code seq} null while not set). */
    public record FieldView(String fieldId, String label, String type, List<String> options, boolean required, List<String> values,
            String display, Long seq) {
        static FieldView of(RoomField f) {
            return new FieldView(f.fieldId, f.label, f.type.wire(), f.optionList(), f.required, f.valueList(),
                    f.display == null ? "" : f.display, f.setSeq);
        }
    }

    /** Progress of one phase of the checklist. */
    public record PhaseProgress(String phase, int total, int done, int skipped, int overdue) {
    }

    /** A room's checklist in its order: empty when no type was applied. Read inside a transaction. */
    public static List<ItemView> checklistOf(UUID roomId) {
        return ChecklistItem.ofRoom(roomId).stream().map(ItemView::of).toList();
    }

    static String time(Instant at) {
        return at == null ? null : HashChain.formatTime(at);
    }
}
