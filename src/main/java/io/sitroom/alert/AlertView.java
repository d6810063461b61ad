package io.sitroom.alert;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.sitroom.clock.WireTime;
import io.sitroom.room.Severity;

/**
 * An alert of a room as {@code GET /api/rooms/{id}/alerts} lists it: its state, its deliveries
 * ({@code received}, resends included) and when it was last delivered ({@code lastSeen}, also by a resend
 * that appended nothing), and the seqs of its first and last events.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertView(UUID integrationId, String fingerprint, String title, String status, Severity severity, String severityLabel,
        Map<String, String> labels, String startsAt, String endsAt, String firstSeen, String lastSeen, int received, long firstSeq,
        long lastSeq) {

    static AlertView of(RoomAlert row, Map<String, String> labels) {
        return new AlertView(row.integrationId, row.fingerprint, row.title, row.status, row.severity, row.severityLabel, labels,
                row.startsAt, row.endsAt, WireTime.format(row.firstSeen), WireTime.format(row.lastSeen), row.received, row.firstSeq,
                row.lastSeq);
    }
}
