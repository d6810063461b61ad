package io.sitroom.playbook;

import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

/** A custom field of a room's type, with its value (the projection of playbook.applied and field.set). */
@Entity
@Table(name = "room_field")
@IdClass(RoomField.Key.class)
public class RoomField extends PanacheEntityBase {

    public record Key(UUID roomId, String fieldId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "room_id")
    public UUID roomId;

    @Id
    @Column(name = "field_id", length = 64)
    public String fieldId;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false, length = 100)
    public String label;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public FieldType type;

    /** The options of a select field, one a line. */
    @Column(length = 12000)
    public String options;

    @Column(nullable = false)
    public boolean required;

    /** The values, one a line (a text field's one value as it is); null while not set. */
    @Column(name = "field_values", length = 100000)
    public String values;

    @Column(length = 100000)
    public String display;

    @Column(name = "set_seq")
    public Long setSeq;

    @Column(name = "set_at")
    public Instant setAt;

    @Column(name = "set_by")
    public UUID setBy;

    static RoomField inRoom(UUID roomId, String fieldId) {
        return findById(new Key(roomId, fieldId));
    }

    public static List<RoomField> ofRoom(UUID roomId) {
        return list("roomId", Sort.ascending("position"), roomId);
    }

    public List<String> optionList() {
        return options == null || options.isEmpty() ? List.of() : Arrays.asList(options.split("\n"));
    }

    public List<String> valueList() {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        return type == FieldType.TEXT ? List.of(values) : Arrays.asList(values.split("\n"));
    }

    void setValues(List<String> list) {
        values = list.isEmpty() ? null : String.join("\n", list);
    }

    PlaybookEvent.FieldSpec toSpec() {
        return new PlaybookEvent.FieldSpec(fieldId, label, type, optionList(), required);
    }
}
