package io.sitroom.live;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.sitroom.role.Role;
import io.sitroom.room.Phase;
import io.sitroom.room.RecordedEvent;
import io.sitroom.room.RoomEvent;

/**
 * An event ready for every connection of a room: its frame encoded once (and compressed once, when a
 * connection wants it compressed), with what the per-connection visibility filter needs alongside, and
 * what changes what a member may issue (their roles afterwards, the room's phase afterwards), and who
 * left the room.
 */
record OutboundEvent(long seq, EncodedFrame frame, Set<Role> visibleTo, UUID actorId, Map<UUID, Set<Role>> rolesAfter, Phase phaseAfter,
        UUID removed) {

    static OutboundEvent of(RecordedEvent event, EncodedFrame frame) {
        return new OutboundEvent(event.seq(), frame, event.visibleTo(), event.actorId(), event.rolesAfter(),
                event.payload() instanceof RoomEvent.PhaseChanged changed ? changed.to() : null,
                event.payload() instanceof RoomEvent.MemberRemoved removed ? removed.userId() : null);
    }
}
