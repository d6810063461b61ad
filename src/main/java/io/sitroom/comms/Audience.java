package io.sitroom.comms;

import java.util.Arrays;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.sitroom.error.SitroomException;
import io.sitroom.role.Role;

/** Who a status update is written for, and so who may read it (besides the room's leads and its author). */
public enum Audience {
    ALL(null),
    EXECUTIVE(Set.of(Role.EXECUTIVE)),
    ENGINEERING(Set.of(Role.CONTAINMENT_LEAD)),
    LEGAL(Set.of(Role.LEGAL));

    private final Set<Role> readers;

    Audience(Set<Role> readers) {
        this.readers = readers;
    }

    /** The roles this audience is; null for everyone. */
    public Set<Role> readers() {
        return readers;
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static Audience of(String value) {
        return Arrays.stream(values()).filter(a -> a.wire().equals(value)).findFirst()
                .orElseThrow(() -> SitroomException.invalid("audience must be all, executive, engineering or legal, not '" + value + "'"));
    }
}
