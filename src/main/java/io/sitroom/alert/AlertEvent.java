package io.sitroom.alert;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.sitroom.room.EventKind;
import io.sitroom.room.EventPayload;
import io.sitroom.room.Severity;

/**
 * An alert arriving in a room from an integration: the first or a repeat ({@code alert.received}),
 * or its resolution ({@code alert.resolved}). Both carry the same fields, {@code resolved} included,
 * as they always have on the wire.
 */
public sealed interface AlertEvent extends EventPayload {

    String fingerprint();

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @EventKind("alert.received")
    record Received(UUID integrationId, String integration, String fingerprint, String title, Severity severity, String description,
            String source, Map<String, String> labels, int received, boolean resolved) implements AlertEvent {
        @Override
        public String brief() {
            return title;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @EventKind("alert.resolved")
    record Resolved(UUID integrationId, String integration, String fingerprint, String title, Severity severity, String description,
            String source, Map<String, String> labels, int received, boolean resolved) implements AlertEvent {
        @Override
        public String brief() {
            return title;
        }
    }

    static AlertEvent of(UUID integrationId, String integration, IncomingAlert alert, int received) {
        Map<String, String> labels = alert.labels().isEmpty() ? null : alert.labels();
        return alert.resolved()
                ? new Resolved(integrationId, integration, alert.fingerprint(), alert.title(), alert.severity(), alert.description(),
                        alert.source(), labels, received, true)
                : new Received(integrationId, integration, alert.fingerprint(), alert.title(), alert.severity(), alert.description(),
                        alert.source(), labels, received, false);
    }
}
