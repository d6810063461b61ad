package io.sitroom.tracker;

import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.sitroom.error.SitroomException;

/** The issue trackers Sitroom links actions to. */
public enum TrackerKind {
    /** GitHub's REST API v3 (github.com or GitHub Enterprise Server's {@code /api/v3}). */
    GITHUB,
    /** Jira Cloud's REST API v3 (Atlassian Document Format descriptions). */
    JIRA;

    @JsonValue
    public String wire() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static TrackerKind of(String value) {
        return Arrays.stream(values()).filter(k -> k.wire().equals(value)).findFirst()
                .orElseThrow(() -> SitroomException.invalid("kind must be github or jira, not '" + value + "'"));
    }
}
