package io.sitroom.room;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.sitroom.role.Role;

/** Keeps the room's own projection (the room row and its members) in step with its events. */
final class RoomProjector {

    private RoomProjector() {
    }

    static void project(Room room, RecordedEvent event) {
        EventPayload payload = event.payload();
        if (payload instanceof RoomEvent.MemberAdded added) {
            RoomMember member = new RoomMember();
            member.roomId = room.id;
            member.userId = added.userId();
            member.displayName = added.displayName();
            member.roles = added.roles();
            member.joinedAt = event.at();
            member.joinedSeq = event.seq();
            member.persist();
        } else if (payload instanceof RoomEvent.MemberRemoved removed) {
            RoomMember.deleteById(new RoomMember.Key(room.id, removed.userId()));
        } else if (payload instanceof RoomEvent.SeverityChanged changed) {
            room.severity = changed.to();
        } else if (payload instanceof RoomEvent.PhaseChanged changed) {
            room.phase = changed.to();
        }
        if (payload instanceof ChangesRoles changes && !(payload instanceof RoomEvent.MemberAdded)) {
            applyRoles(room.id, changes.rolesAfter());
        }
    }

    private static void applyRoles(UUID roomId, Map<UUID, Set<Role>> rolesAfter) {
        rolesAfter.forEach((userId, roles) -> {
            RoomMember member = RoomMember.find(roomId, userId);
            if (member == null) {
                throw new IllegalStateException("role change for a non-member " + userId + " in room " + roomId);
            }
            member.roles = roles;
        });
    }
}
