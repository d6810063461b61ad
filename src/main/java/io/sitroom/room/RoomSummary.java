package io.sitroom.room;

import java.util.List;
import java.util.UUID;

/** A line of "my rooms". */
public record RoomSummary(UUID id, RoomKind kind, String title, Severity severity, Phase phase, String createdAt,
        long seq, List<String> myRoles) {
}
