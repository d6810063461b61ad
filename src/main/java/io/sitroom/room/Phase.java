package io.sitroom.room;

import java.util.Arrays;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.sitroom.error.SitroomException;

/** The incident response phases (NIST SP 800-61), plus closed. */
public enum Phase {
    DETECTION,
    ANALYSIS,
    CONTAINMENT,
    ERADICATION,
    RECOVERY,
    POST_INCIDENT,
    CLOSED;

    @JsonValue
    public String wire() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static Phase of(String value) {
        return Arrays.stream(values()).filter(p -> p.wire().equals(value)).findFirst()
                .orElseThrow(() -> SitroomException.invalid("phase must be one of "
                        + Arrays.stream(values()).map(Phase::wire).collect(Collectors.joining(", "))
                        + ", not '" + value + "'"));
    }

    @Override
    public String toString() {
        return wire();
    }
}
