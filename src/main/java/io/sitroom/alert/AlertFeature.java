package io.sitroom.alert;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.sitroom.json.CanonicalForm;
import io.sitroom.room.EventPayload;
import io.sitroom.room.RecordedEvent;
import io.sitroom.room.Room;
import io.sitroom.room.RoomFeature;
import io.sitroom.room.RoomService;

/**
 * Alerts in rooms: the events alert intake appends, and each room's alerts with their state
 * ({@link RoomAlert}), read over REST. Not a snapshot section: a resend that changes nothing moves an
 * alert's counter and last-seen time without an event, so no client could keep such a section current
 * from the events it receives (protocol.md, "Keeping the snapshot current").
 */
@ApplicationScoped
public class AlertFeature implements RoomFeature {

    private static final TypeReference<Map<String, String>> LABELS = new TypeReference<>() {
    };

    private final RoomService rooms;
    private final ObjectMapper mapper;

    public AlertFeature(RoomService rooms, ObjectMapper mapper) {
        this.rooms = rooms;
        this.mapper = mapper;
    }

    @Override
    public List<Class<? extends EventPayload>> eventTypes() {
        return List.of(AlertEvent.class);
    }

    @Override
    public void project(Room room, RecordedEvent event) {
        if (!(event.payload() instanceof AlertEvent alert) || alert.integrationId() == null || alert.fingerprint() == null) {
            return;
        }
        // The first delivery of an alert to a room counts 1 (AlertDedup counts from the room's row): no row to look for.
        RoomAlert row = alert.received() == 1 ? null : RoomAlert.findById(new RoomAlert.Key(room.id, alert.integrationId(), alert.fingerprint()));
        boolean fresh = row == null;
        if (fresh) {
            row = new RoomAlert();
            row.roomId = room.id;
            row.integrationId = alert.integrationId();
            row.fingerprint = alert.fingerprint();
            row.firstSeen = event.at();
            row.firstSeq = event.seq();
        }
        row.title = alert.title() == null ? alert.fingerprint() : AlertPayload.shorten(alert.title(), AlertPayload.MAX_TITLE);
        row.status = alert.resolved() ? "resolved" : "firing";
        row.severity = alert.severity() == null ? room.severity : alert.severity();
        row.severityLabel = alert.severityLabel();
        row.labels = CanonicalForm.write(alert.labels() == null ? Map.of() : alert.labels());
        row.startsAt = alert.startsAt();
        row.endsAt = alert.endsAt();
        row.contentHash = AlertEvent.contentHash(alert);
        row.lastSeen = event.at();
        row.received = alert.received();
        row.lastSeq = event.seq();
        if (fresh) {
            row.persist();
        }
    }

    /** The room's alerts in the order they arrived, for a member. */
    @Transactional
    public List<AlertView> list(UUID roomId, UUID userId) {
        rooms.requireMember(roomId, userId);
        return RoomAlert.ofRoom(roomId).stream().map(row -> AlertView.of(row, labels(row.labels))).toList();
    }

    private Map<String, String> labels(String json) {
        try {
            return mapper.readValue(json, LABELS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("room_alert.labels is not a JSON object of strings", e);
        }
    }
}
