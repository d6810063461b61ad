package io.sitroom.comms;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.sitroom.role.Role;

/**
 * A request for acknowledgement as its decider sees it: the roles asked and who answered for which. Pure and
 * JDK-only (the export's verifier derives acknowledgements with it too).
 */
public record AckState(UUID id, long about, Set<Role> roles, Map<Role, UUID> given, Instant dueAt, boolean overdue) {

    public Set<Role> pending() {
        EnumSet<Role> pending = EnumSet.copyOf(roles);
        pending.removeAll(given.keySet());
        return pending;
    }
}
