package io.sitroom.alert;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

import io.sitroom.room.Severity;

/**
 * What became of one alert of a notification, in the intake's answer: its place in the body, the room it
 * went to, and the seq of the event it appended, null only when nothing was appended ({@code unchanged},
 * {@code ignored}; {@code detail} says why).
 */
public record AlertOutcome(int index, String fingerprint, UUID roomId, Result outcome, boolean opened, Long seq, String status,
        Severity severity, String severityLabel, int received, String detail) {

    /** Also the {@code outcome} tag of {@code sitroom_alerts_received_total}. */
    public enum Result {
        /** It opened a room (with the others of its group) and its event is in it. */
        OPENED,
        /** New to its open room, or changed: one event appended. */
        APPENDED,
        /** A resend that changes nothing: counted, nothing appended. */
        UNCHANGED,
        /** Resolved, and no open room holds its group: nothing to record. */
        IGNORED,
        /** In a body refused whole (400). */
        REFUSED;

        @JsonValue
        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
