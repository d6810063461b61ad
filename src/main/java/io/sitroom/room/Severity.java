package io.sitroom.room;

import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonCreator;

import io.sitroom.error.SitroomException;

/** Incident severity, SEV1 the worst. */
public enum Severity {
    SEV1,
    SEV2,
    SEV3,
    SEV4;

    @JsonCreator
    public static Severity of(String value) {
        return Arrays.stream(values()).filter(s -> s.name().equals(value)).findFirst()
                .orElseThrow(() -> SitroomException.invalid("severity must be one of SEV1, SEV2, SEV3, SEV4, not '" + value + "'"));
    }
}
