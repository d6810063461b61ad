package io.sitroom.live;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.sitroom.role.Role;
import io.sitroom.room.EventView;

/**
 * An event ready for every connection of a room: encoded once, with what the per-connection
 * visibility filter needs alongside.
 */
record OutboundEvent(long seq, String frame, Set<Role> visibleTo, UUID actorId, Map<UUID, Set<Role>> rolesAfter) {

    static OutboundEvent of(EventView view, String frame) {
        return new OutboundEvent(view.seq(), frame, view.visibleToRoles(), view.actorId(), view.rolesAfter());
    }
}
