package io.sitroom.alert;

import java.util.Map;

import io.sitroom.room.Severity;

/**
 * One alert of a notification, read and checked (see {@link AlertPayload}): its place in the body, what
 * identifies it, what it says, and the severity its raw value maps to.
 *
 * @param severityLabel the raw severity value as sent (a label value or the generic field), null without one
 * @param severityKnown whether the severity map knows that value (else the severity is the default)
 */
public record IncomingAlert(int index, String fingerprint, String title, Severity severity, String severityLabel,
        boolean severityKnown, String description, String source, boolean resolved, Map<String, String> labels,
        Map<String, String> annotations, String startsAt, String endsAt, String generatorUrl) {

    public IncomingAlert {
        labels = Map.copyOf(labels);
        annotations = Map.copyOf(annotations);
    }

    public String status() {
        return resolved ? "resolved" : "firing";
    }
}
