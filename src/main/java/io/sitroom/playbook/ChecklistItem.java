package io.sitroom.playbook;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import io.sitroom.role.Role;
import io.sitroom.role.RoleConverter;
import io.sitroom.room.Phase;

/** The projection of a checklist item of a room's type. */
@Entity
@Table(name = "checklist_item")
@IdClass(ChecklistItem.Key.class)
public class ChecklistItem extends PanacheEntityBase {

    public record Key(UUID roomId, String itemId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "room_id")
    public UUID roomId;

    @Id
    @Column(name = "item_id", length = 64)
    public String itemId;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false, length = 16)
    public String phase;

    @Column(nullable = false, length = 500)
    public String text;

    @Convert(converter = RoleConverter.class)
    @Column(name = "owner_role", length = 32)
    public Role ownerRole;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "needs_decision", nullable = false)
    public boolean needsDecision;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public ChecklistStatus status;

    @Column(name = "assignee_id")
    public UUID assigneeId;

    @Column(name = "assignee_name", length = 128)
    public String assigneeName;

    @Column(nullable = false)
    public boolean overdue;

    @Column(nullable = false)
    public boolean late;

    @Column(length = 2000)
    public String note;

    @Column(name = "skip_reason", length = 2000)
    public String skipReason;

    @Column(name = "done_at")
    public Instant doneAt;

    @Column(name = "done_by")
    public UUID doneBy;

    @Column(name = "done_by_name", length = 128)
    public String doneByName;

    @Column(name = "applied_seq", nullable = false)
    public long appliedSeq;

    @Column(name = "updated_seq", nullable = false)
    public long updatedSeq;

    public Phase phase() {
        return Phase.of(phase);
    }

    static ChecklistItem inRoom(UUID roomId, String itemId) {
        return findById(new Key(roomId, itemId));
    }

    /** A room's items in the checklist's order (by phase, then as the file lists them). */
    public static List<ChecklistItem> ofRoom(UUID roomId) {
        return list("roomId", Sort.ascending("position"), roomId);
    }

    ItemState toState() {
        return new ItemState(itemId, text, ownerRole, assigneeId, dueAt, status, overdue);
    }
}
