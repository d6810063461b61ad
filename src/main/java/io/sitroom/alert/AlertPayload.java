package io.sitroom.alert;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import io.sitroom.crypto.Sha256;
import io.sitroom.error.SitroomException;
import io.sitroom.room.Severity;

/**
 * Reads an alert body: a generic alert or a Prometheus Alertmanager webhook notification (version 4).
 * The whole body is read and checked before anything is filed, and refused whole, with the reason, when
 * it is not an alert payload or a field breaks a limit. What it may hold is bounded here, at the edge, so
 * that nothing further in can fail on size (a fingerprint of 5,000 characters is a 400, not a 500).
 * Severities never refuse: a value the map does not know gets the default. Pure.
 */
public final class AlertPayload {

    static final int MAX_FINGERPRINT = 200;
    static final int MAX_TITLE = 200;
    static final int MAX_SOURCE = 100;
    static final int MAX_DESCRIPTION = 10_000;
    static final int MAX_ENTRIES = 100;
    static final int MAX_NAME = 200;
    static final int MAX_LABEL_VALUE = 2_000;
    static final int MAX_ANNOTATION_VALUE = 10_000;
    static final int MAX_TIME = 64;
    static final int MAX_URL = 2_000;
    static final int MAX_GROUP_KEY = 10_000;

    /** An Alertmanager notification's group (null for a generic alert) and its alerts, in body order. */
    public record Notification(String groupKey, Map<String, String> commonLabels, Map<String, String> commonAnnotations,
            List<IncomingAlert> alerts) {

        public Notification {
            commonLabels = Map.copyOf(commonLabels);
            commonAnnotations = Map.copyOf(commonAnnotations);
            alerts = List.copyOf(alerts);
        }
    }

    private AlertPayload() {
    }

    /**
     * Generic: {@code {"title", "fingerprint"?, "severity"?, "description"?, "source"?, "status"? (firing|resolved)}}.
     * Alertmanager: a body with {@code alerts[]} (each with {@code labels}, and {@code annotations},
     * {@code status}, {@code fingerprint}, {@code startsAt}, {@code endsAt}, {@code generatorURL}), and
     * {@code groupKey}, {@code commonLabels}, {@code commonAnnotations}, {@code receiver}.
     */
    public static Notification read(JsonNode body, SeverityMap severities, Severity integrationDefault) {
        if (body == null || !body.isObject()) {
            throw SitroomException.invalid("the alert body must be a JSON object: a generic alert or an Alertmanager notification");
        }
        if (body.has("alerts")) {
            return alertmanager(body, severities, integrationDefault);
        }
        if (!body.has("title")) {
            throw SitroomException.invalid("not an alert: a generic alert needs 'title', an Alertmanager notification 'alerts'");
        }
        String title = text(body, "title", "title", MAX_TITLE);
        if (title == null || title.isBlank()) {
            throw SitroomException.invalid("field 'title' must be a non-empty string");
        }
        String source = text(body, "source", "source", MAX_SOURCE);
        String fingerprint = text(body, "fingerprint", "fingerprint", MAX_FINGERPRINT);
        String severity = text(body, "severity", "severity", MAX_LABEL_VALUE);
        SeverityMap.Mapped mapped = severities.map(severity, integrationDefault);
        IncomingAlert alert = new IncomingAlert(0, blank(fingerprint) ? Sha256.hex(title.strip() + "|" + (source == null ? "null" : source.strip()))
                : fingerprint, oneLine(title), mapped.severity(), severity, mapped.known(), text(body, "description", "description", MAX_DESCRIPTION),
                source == null ? null : source.strip(), resolved(text(body, "status", "status", 16), "status"), Map.of(), Map.of(),
                null, null, null);
        return new Notification(null, Map.of(), Map.of(), List.of(alert));
    }

    private static Notification alertmanager(JsonNode body, SeverityMap severities, Severity integrationDefault) {
        JsonNode alerts = body.get("alerts");
        if (!alerts.isArray() || alerts.isEmpty()) {
            throw SitroomException.invalid("'alerts' must be a non-empty array (Alertmanager webhook format)");
        }
        String groupKey = text(body, "groupKey", "groupKey", MAX_GROUP_KEY);
        String receiver = text(body, "receiver", "receiver", MAX_SOURCE);
        Map<String, String> commonLabels = strings(body, "commonLabels", "commonLabels", MAX_LABEL_VALUE);
        Map<String, String> commonAnnotations = strings(body, "commonAnnotations", "commonAnnotations", MAX_ANNOTATION_VALUE);
        boolean bodyResolved = resolved(text(body, "status", "status", 16), "status");
        List<IncomingAlert> result = new ArrayList<>(alerts.size());
        for (int i = 0; i < alerts.size(); i++) {
            JsonNode alert = alerts.get(i);
            String at = "alerts[" + i + "]";
            if (!alert.isObject() || !alert.path("labels").isObject()) {
                throw SitroomException.invalid(at + " needs an object 'labels'");
            }
            Map<String, String> labels = strings(alert, "labels", at + ".labels", MAX_LABEL_VALUE);
            Map<String, String> annotations = strings(alert, "annotations", at + ".annotations", MAX_ANNOTATION_VALUE);
            String fingerprint = text(alert, "fingerprint", at + ".fingerprint", MAX_FINGERPRINT);
            if (blank(fingerprint)) {
                // Alertmanager's own fingerprint is a hash of the labels too: the same labels are the same alert.
                fingerprint = Sha256.hex(labels.toString());
            }
            String title = firstNonBlank(annotations.get("summary"), annotations.get("title"), labels.get("alertname"));
            String severity = labels.get("severity");
            SeverityMap.Mapped mapped = severities.map(severity, integrationDefault);
            String status = text(alert, "status", at + ".status", 16);
            String endsAt = text(alert, "endsAt", at + ".endsAt", MAX_TIME);
            result.add(new IncomingAlert(i, fingerprint, oneLine(title != null ? title : labels.toString()), mapped.severity(), severity,
                    mapped.known(), annotations.get("description"), receiver != null ? receiver : "alertmanager",
                    status == null ? bodyResolved : resolved(status, at + ".status"), labels, annotations,
                    text(alert, "startsAt", at + ".startsAt", MAX_TIME),
                    // Alertmanager writes "no end" as the zero time.
                    endsAt == null || endsAt.startsWith("0001-") ? null : endsAt,
                    text(alert, "generatorURL", at + ".generatorURL", MAX_URL)));
        }
        return new Notification(groupKey, commonLabels, commonAnnotations, result);
    }

    /** An optional string field, checked: a string, at most {@code max} characters, no control characters but line breaks and tabs. */
    private static String text(JsonNode object, String field, String path, int max) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw SitroomException.invalid("field '" + path + "' must be a string");
        }
        return checked(node.textValue(), path, max);
    }

    /** An optional object of names to scalar values (labels, annotations), each name and value checked. */
    private static Map<String, String> strings(JsonNode object, String field, String path, int maxValue) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw SitroomException.invalid("field '" + path + "' must be an object of strings");
        }
        if (node.size() > MAX_ENTRIES) {
            throw SitroomException.invalid("field '" + path + "' has more than " + MAX_ENTRIES + " entries");
        }
        Map<String, String> values = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = checked(entry.getKey(), path + " (a name)", MAX_NAME);
            JsonNode value = entry.getValue();
            if (value.isContainerNode()) {
                throw SitroomException.invalid("field '" + path + "." + name + "' must be a string");
            }
            if (!value.isNull()) {
                values.put(name, checked(value.asText(), path + "." + name, maxValue));
            }
        }
        return values;
    }

    private static String checked(String value, String path, int max) {
        if (value.length() > max) {
            throw SitroomException.invalid("field '" + path + "' is longer than " + max + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c >= 0x7f && c <= 0x9f) {
                throw SitroomException.invalid("field '" + path + "' holds a control character (U+" + String.format("%04X", (int) c)
                        + "); only line breaks and tabs are allowed");
            }
        }
        return value;
    }

    private static boolean resolved(String status, String path) {
        if (status == null || status.equals("firing")) {
            return false;
        }
        if (status.equals("resolved")) {
            return true;
        }
        throw SitroomException.invalid("field '" + path + "' must be firing or resolved");
    }

    /** A title on one line, at most {@value #MAX_TITLE} characters (the whole text stays in the annotations). */
    static String oneLine(String text) {
        return shorten(text.strip().replaceAll("\\s+", " "), MAX_TITLE);
    }

    /** At most {@code max} characters, cut with an ellipsis (never between the halves of a surrogate pair). */
    static String shorten(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 2)) ? max - 2 : max - 1;
        return text.substring(0, end) + "…";
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (!blank(value)) {
                return value;
            }
        }
        return null;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
