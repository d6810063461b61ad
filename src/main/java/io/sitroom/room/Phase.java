package io.sitroom.room;

import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.sitroom.error.SitroomException;

/**
 * A room's phase, by its id in the deployment's {@link Taxonomy} (by default the NIST SP 800-61 phases).
 * A value, not a closed set: a room keeps its phase after the deployment's list changes. One id is fixed
 * everywhere: {@link #CLOSED}, the phase that closes a room.
 */
public record Phase(String id) {

    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

    /** The phase that closes a room, in every taxonomy. */
    public static final Phase CLOSED = new Phase("closed");

    // The default taxonomy's phases, for tests and the default file's readers.
    public static final Phase DETECTION = new Phase("detection");
    public static final Phase ANALYSIS = new Phase("analysis");
    public static final Phase CONTAINMENT = new Phase("containment");
    public static final Phase ERADICATION = new Phase("eradication");
    public static final Phase RECOVERY = new Phase("recovery");
    public static final Phase POST_INCIDENT = new Phase("post_incident");

    public Phase {
        if (id == null || !ID.matcher(id).matches()) {
            throw SitroomException.invalid("a phase is 1 to 32 characters of a-z, 0-9, '_' and '-', not '" + id + "'");
        }
    }

    @JsonCreator
    public static Phase of(String id) {
        return new Phase(id == null ? null : id.strip());
    }

    /** The id as the protocol writes it. */
    @JsonValue
    public String wire() {
        return id;
    }

    public boolean isClosed() {
        return equals(CLOSED);
    }

    @Override
    public String toString() {
        return id;
    }
}
