package io.sitroom.comms;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.sitroom.role.Role;

/**
 * An external statement as its decider sees it: its current version and which approver roles approved that
 * version, by whom. Pure and JDK-only (the export's verifier derives statements with it too).
 */
public record StatementState(UUID id, int currentVersion, String currentHash, Integer publishedVersion, Map<Role, UUID> approvals) {

    /** The roles whose approval an external statement needs, each from a different person. */
    public static final Set<Role> APPROVERS = EnumSet.of(Role.COMMS_APPROVER, Role.LEGAL);

    public Set<Role> missing() {
        EnumSet<Role> missing = EnumSet.copyOf(APPROVERS);
        missing.removeAll(approvals.keySet());
        return missing;
    }
}
