package io.sitroom.statuspage;

import java.util.Arrays;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.sitroom.error.SitroomException;

/** A component's status, as Statuspage names them; each says how bad it is for the page's indicator. */
public enum ComponentStatus {
    OPERATIONAL("none"),
    UNDER_MAINTENANCE("maintenance"),
    DEGRADED_PERFORMANCE("minor"),
    PARTIAL_OUTAGE("major"),
    MAJOR_OUTAGE("critical");

    private final String indicator;

    ComponentStatus(String indicator) {
        this.indicator = indicator;
    }

    /** The page's status indicator this status alone would give. */
    String indicator() {
        return indicator;
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static ComponentStatus of(String value) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(value)).findFirst()
                .orElseThrow(() -> SitroomException.invalid("status must be one of "
                        + Arrays.stream(values()).map(ComponentStatus::wire).collect(Collectors.joining(", ")) + ", not '" + value + "'"));
    }

    @Override
    public String toString() {
        return wire();
    }
}
