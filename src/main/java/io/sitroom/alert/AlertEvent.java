package io.sitroom.alert;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.sitroom.room.EventPayload;
import io.sitroom.room.Severity;

/** An alert arriving in a room from an integration: the first, a repeat, or its resolution. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertEvent(UUID integrationId, String integration, String fingerprint, String title, Severity severity, String description,
        String source, Map<String, String> labels, int received, boolean resolved) implements EventPayload {

    @Override
    public String kind() {
        return resolved ? "alert.resolved" : "alert.received";
    }
}
