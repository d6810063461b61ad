package io.sitroom.action;

import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.sitroom.error.SitroomException;

public enum ActionStatus {
    OPEN,
    IN_PROGRESS,
    BLOCKED,
    DONE,
    CANCELLED;

    @JsonValue
    public String wire() {
        return name().toLowerCase();
    }

    /** Done or cancelled: no longer tracked for overdue. */
    public boolean closed() {
        return this == DONE || this == CANCELLED;
    }

    @JsonCreator
    public static ActionStatus of(String value) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(value)).findFirst()
                .orElseThrow(() -> SitroomException.invalid("status must be open, in_progress, blocked, done or cancelled, not '" + value + "'"));
    }
}
