package io.sitroom.role;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.sitroom.error.SitroomException;

/** The built-in roles a person can hold in a room. */
public enum Role {
    INCIDENT_COMMANDER("incident_commander"),
    CONTAINMENT_LEAD("containment_lead"),
    COMMS_APPROVER("comms_approver"),
    LEGAL("legal"),
    SCRIBE("scribe"),
    EXECUTIVE("executive"),
    FACILITATOR("facilitator"),
    PARTICIPANT("participant"),
    OBSERVER("observer");

    private final String wire;

    Role(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public static Optional<Role> find(String wire) {
        return Arrays.stream(values()).filter(r -> r.wire.equals(wire)).findFirst();
    }

    @JsonCreator
    public static Role of(String wire) {
        return find(wire).orElseThrow(() -> SitroomException.invalid("unknown role '" + wire + "'"));
    }

    @Override
    public String toString() {
        return wire;
    }
}
