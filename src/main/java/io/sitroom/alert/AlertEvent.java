package io.sitroom.alert;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.sitroom.crypto.Sha256;
import io.sitroom.json.CanonicalForm;
import io.sitroom.room.EventKind;
import io.sitroom.room.EventPayload;
import io.sitroom.room.Severity;

/**
 * An alert arriving in a room from an integration, appended only when it is new to the room or changed
 * (a resend that changes nothing is counted, not recorded): firing ({@code alert.received}) or resolved
 * ({@code alert.resolved}). Both carry the same fields, {@code resolved} included, as they always have
 * on the wire; {@code received} counts the deliveries of the alert to the room so far, resends included;
 * {@code severityLabel} is the raw value the severity was read from. Events written before a field existed
 * decode with it null.
 */
public sealed interface AlertEvent extends EventPayload {

    UUID integrationId();

    /** The integration's name when it was appended. */
    String integration();

    String fingerprint();

    String title();

    Severity severity();

    String severityLabel();

    String description();

    String source();

    Map<String, String> labels();

    Map<String, String> annotations();

    int received();

    boolean resolved();

    String startsAt();

    String endsAt();

    String generatorUrl();

    @Override
    default String brief() {
        return title();
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @EventKind("alert.received")
    record Received(UUID integrationId, String integration, String fingerprint, String title, Severity severity, String description,
            String source, Map<String, String> labels, int received, boolean resolved, String severityLabel,
            Map<String, String> annotations, String startsAt, String endsAt, String generatorUrl) implements AlertEvent {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @EventKind("alert.resolved")
    record Resolved(UUID integrationId, String integration, String fingerprint, String title, Severity severity, String description,
            String source, Map<String, String> labels, int received, boolean resolved, String severityLabel,
            Map<String, String> annotations, String startsAt, String endsAt, String generatorUrl) implements AlertEvent {
    }

    static AlertEvent of(UUID integrationId, String integration, IncomingAlert alert, int received) {
        Map<String, String> labels = alert.labels().isEmpty() ? null : alert.labels();
        Map<String, String> annotations = alert.annotations().isEmpty() ? null : alert.annotations();
        return alert.resolved()
                ? new Resolved(integrationId, integration, alert.fingerprint(), alert.title(), alert.severity(), alert.description(),
                        alert.source(), labels, received, true, alert.severityLabel(), annotations, alert.startsAt(), alert.endsAt(),
                        alert.generatorUrl())
                : new Received(integrationId, integration, alert.fingerprint(), alert.title(), alert.severity(), alert.description(),
                        alert.source(), labels, received, false, alert.severityLabel(), annotations, alert.startsAt(), alert.endsAt(),
                        alert.generatorUrl());
    }

    /**
     * What makes a delivery a change: the status and what the alert says (labels, annotations, title,
     * severity, description, source). Not the counter, not the times: Alertmanager resends an alert with
     * the same content and moving times.
     */
    static String contentHash(AlertEvent event) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("resolved", event.resolved());
        content.put("title", event.title());
        content.put("severity", event.severity() == null ? null : event.severity().id());
        content.put("severityLabel", event.severityLabel());
        content.put("description", event.description());
        content.put("source", event.source());
        content.put("labels", event.labels() == null ? Map.of() : event.labels());
        content.put("annotations", event.annotations() == null ? Map.of() : event.annotations());
        return Sha256.hex(CanonicalForm.write(content));
    }
}
