package io.sitroom.playbook;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.sitroom.error.SitroomException;

/** The kinds of custom field a type may declare. */
public enum FieldType {
    TEXT("text"),
    NUMBER("number"),
    SELECT("select"),
    MULTI_SELECT("multi_select"),
    USER("user"),
    DATE("date");

    private final String wire;

    FieldType(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public static Optional<FieldType> find(String wire) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(wire)).findFirst();
    }

    @JsonCreator
    public static FieldType of(String wire) {
        return find(wire).orElseThrow(() -> SitroomException.invalid("unknown field type '" + wire + "'"));
    }

    /** Whether a value is chosen from the field's options. */
    public boolean hasOptions() {
        return this == SELECT || this == MULTI_SELECT;
    }
}
