package io.sitroom.alert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Decides, for the alerts a notification brings to one room, which are recorded: an alert new to the
 * room or changed (see {@link AlertEvent#contentHash}) appends one event; a resend that changes
 * nothing appends none and is only counted. Judged against the room's alerts as they stand under its
 * lock, one alert after the other (a fingerprint twice in a body: the second is a resend). Pure.
 */
public final class AlertDedup {

    private AlertDedup() {
    }

    public enum Kind {
        /** Not in the room yet: appended. */
        NEW,
        /** In the room with other content (resolved, firing again, new labels or annotations): appended. */
        CHANGED,
        /** In the room with the same content: counted, nothing appended. */
        UNCHANGED
    }

    /** What the room holds of an alert: what its last event said, and its deliveries so far. */
    public record Known(String contentHash, int received) {
    }

    /** One alert's fate; {@code event} is what to append, null when {@link Kind#UNCHANGED}. */
    public record Decision(IncomingAlert alert, Kind kind, int received, AlertEvent event) {

        public boolean appends() {
            return event != null;
        }
    }

    public static List<Decision> decide(UUID integrationId, String integration, Map<String, Known> known, List<IncomingAlert> alerts) {
        Map<String, Known> room = new HashMap<>(known);
        List<Decision> decisions = new ArrayList<>(alerts.size());
        for (IncomingAlert alert : alerts) {
            Known before = room.get(alert.fingerprint());
            int received = before == null ? 1 : before.received() + 1;
            AlertEvent event = AlertEvent.of(integrationId, integration, alert, received);
            String hash = AlertEvent.contentHash(event);
            Kind kind = before == null ? Kind.NEW : before.contentHash().equals(hash) ? Kind.UNCHANGED : Kind.CHANGED;
            decisions.add(new Decision(alert, kind, received, kind == Kind.UNCHANGED ? null : event));
            room.put(alert.fingerprint(), new Known(hash, received));
        }
        return decisions;
    }
}
