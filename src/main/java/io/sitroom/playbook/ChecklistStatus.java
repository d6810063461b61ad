package io.sitroom.playbook;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a checklist item stands. */
public enum ChecklistStatus {
    OPEN,
    DONE,
    SKIPPED;

    @JsonValue
    public String wire() {
        return name().toLowerCase();
    }
}
