package io.sitroom.room;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.sitroom.role.Role;

/** What a decider knows about a room when it decides: the room's current projection. */
public record RoomState(UUID id, RoomKind kind, String title, Severity severity, Phase phase, long headSeq,
        Map<UUID, Member> members) {

    public RoomState {
        members = Map.copyOf(members);
    }

    public Optional<Member> member(UUID userId) {
        return Optional.ofNullable(members.get(userId));
    }

    public List<Member> holders(Role role) {
        return members.values().stream().filter(m -> m.holds(role)).toList();
    }

    public boolean isClosed() {
        return phase.isClosed();
    }
}
