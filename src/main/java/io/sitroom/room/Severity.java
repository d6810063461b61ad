package io.sitroom.room;

import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.sitroom.error.SitroomException;

/**
 * An incident's severity, by its id in the deployment's {@link Taxonomy} (by default SEV1, the worst, to
 * SEV4). A value, not a closed set: a room keeps the severity it was given even after the deployment's
 * list changes, so any well-formed id decodes; whether a new one may be chosen is the taxonomy's to say.
 * Not comparable: which severity is worse is the deployment's order ({@link Taxonomy#bySeverity()}), never the id's.
 */
public record Severity(String id) {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");

    public static final Severity SEV1 = new Severity("SEV1");
    public static final Severity SEV2 = new Severity("SEV2");
    public static final Severity SEV3 = new Severity("SEV3");
    public static final Severity SEV4 = new Severity("SEV4");

    public Severity {
        if (id == null || !ID.matcher(id).matches()) {
            throw SitroomException.invalid("a severity is 1 to 32 characters of A-Z, a-z, 0-9, '_' and '-', not '" + id + "'");
        }
    }

    @JsonCreator
    public static Severity of(String id) {
        return new Severity(id == null ? null : id.strip());
    }

    @JsonValue
    @Override
    public String toString() {
        return id;
    }
}
