package io.sitroom.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import io.sitroom.crypto.Sha256;
import io.sitroom.error.SitroomException;
import io.sitroom.room.Severity;

/**
 * One alert, read from a generic JSON body or a Prometheus Alertmanager webhook. A whole body is
 * read (and refused, with the reason) before anything is created.
 */
public record IncomingAlert(String fingerprint, String title, Severity severity, String description, String source, boolean resolved,
        Map<String, String> labels) {

    /**
     * Generic: {@code {"title", "fingerprint"?, "severity"? (SEV1..SEV4 or critical/high/warning/info),
     * "description"?, "source"?, "status"? (firing|resolved)}}. Alertmanager: its webhook payload
     * ({@code version} 4, {@code alerts[]} with labels, annotations, status, fingerprint).
     */
    public static List<IncomingAlert> read(JsonNode body, Severity fallback) {
        if (body == null || !body.isObject()) {
            throw SitroomException.invalid("the alert body must be a JSON object");
        }
        if (body.has("alerts")) {
            return alertmanager(body, fallback);
        }
        String title = text(body, "title", true, 200);
        String source = text(body, "source", false, 100);
        String fingerprint = text(body, "fingerprint", false, 200);
        return List.of(new IncomingAlert(fingerprint != null ? fingerprint : Sha256.hex(title + "|" + source), title,
                severity(text(body, "severity", false, 16), fallback), text(body, "description", false, 10_000), source,
                status(text(body, "status", false, 16)), Map.of()));
    }

    private static List<IncomingAlert> alertmanager(JsonNode body, Severity fallback) {
        JsonNode alerts = body.get("alerts");
        if (!alerts.isArray() || alerts.isEmpty()) {
            throw SitroomException.invalid("'alerts' must be a non-empty array (Alertmanager webhook format)");
        }
        if (alerts.size() > 100) {
            throw SitroomException.invalid("at most 100 alerts in one body");
        }
        List<IncomingAlert> result = new ArrayList<>();
        for (int i = 0; i < alerts.size(); i++) {
            JsonNode alert = alerts.get(i);
            if (!alert.isObject() || !alert.path("labels").isObject()) {
                throw SitroomException.invalid("alerts[" + i + "] needs an object 'labels'");
            }
            Map<String, String> labels = new TreeMap<>();
            alert.get("labels").fields().forEachRemaining(f -> labels.put(f.getKey(), f.getValue().asText()));
            String title = alert.path("annotations").path("summary").asText(labels.getOrDefault("alertname", ""));
            if (title.isBlank()) {
                throw SitroomException.invalid("alerts[" + i + "] has neither annotations.summary nor labels.alertname");
            }
            String fingerprint = alert.path("fingerprint").asText("");
            if (fingerprint.isBlank()) {
                fingerprint = Sha256.hex(labels.toString());
            }
            result.add(new IncomingAlert(fingerprint, title.length() > 200 ? title.substring(0, 200) : title,
                    severity(labels.get("severity"), fallback), alert.path("annotations").path("description").asText(null),
                    body.path("receiver").asText("alertmanager"), status(alert.path("status").asText("firing")), labels));
        }
        return result;
    }

    private static String text(JsonNode body, String field, boolean required, int max) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw SitroomException.invalid("field '" + field + "' is required");
            }
            return null;
        }
        if (!node.isTextual() || node.textValue().isBlank()) {
            throw SitroomException.invalid("field '" + field + "' must be a non-empty string");
        }
        if (node.textValue().length() > max) {
            throw SitroomException.invalid("field '" + field + "' is longer than " + max + " characters");
        }
        return node.textValue().strip();
    }

    static Severity severity(String value, Severity fallback) {
        if (value == null) {
            return fallback;
        }
        return switch (value.toLowerCase()) {
            case "sev1", "critical", "page", "p1" -> Severity.SEV1;
            case "sev2", "high", "error", "major", "p2" -> Severity.SEV2;
            case "sev3", "warning", "medium", "minor", "p3" -> Severity.SEV3;
            case "sev4", "info", "low", "p4" -> Severity.SEV4;
            default -> throw SitroomException.invalid("unknown severity '" + value + "' (SEV1..SEV4, critical, high, warning, info)");
        };
    }

    private static boolean status(String value) {
        if (value == null || value.equals("firing")) {
            return false;
        }
        if (value.equals("resolved")) {
            return true;
        }
        throw SitroomException.invalid("status must be firing or resolved, not '" + value + "'");
    }
}
