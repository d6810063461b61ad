package io.sitroom.role;

import static io.sitroom.role.Role.COMMS_APPROVER;
import static io.sitroom.role.Role.CONTAINMENT_LEAD;
import static io.sitroom.role.Role.FACILITATOR;
import static io.sitroom.role.Role.INCIDENT_COMMANDER;
import static io.sitroom.role.Role.LEGAL;
import static io.sitroom.role.Role.PARTICIPANT;
import static io.sitroom.role.Role.SCRIBE;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.sitroom.error.SitroomException;

/**
 * The policy table: which roles may issue which command. Rules that depend on the command's
 * content (a holder releasing their own role, an approver named in a decision) live in the
 * feature's decider, which consults this table first.
 */
public final class AuthorityPolicy {

    /** Roles that do the work of a room; observers and executives follow it. */
    public static final Set<Role> WORKING_ROLES = EnumSet.of(INCIDENT_COMMANDER, CONTAINMENT_LEAD, COMMS_APPROVER,
            LEGAL, SCRIBE, FACILITATOR, PARTICIPANT);

    /** Every role but observer. */
    public static final Set<Role> CONTRIBUTING_ROLES = EnumSet.complementOf(EnumSet.of(Role.OBSERVER));

    private static final Set<Role> LEADS = EnumSet.of(INCIDENT_COMMANDER, FACILITATOR);

    private static final Map<String, Set<Role>> TABLE = Map.ofEntries(
            Map.entry("member.add", LEADS),
            Map.entry("role.assign", LEADS),
            Map.entry("role.release", LEADS),
            Map.entry("role.handover", LEADS),
            Map.entry("room.severity", EnumSet.of(INCIDENT_COMMANDER)),
            Map.entry("room.phase", EnumSet.of(INCIDENT_COMMANDER)),
            Map.entry("note.add", CONTRIBUTING_ROLES),
            Map.entry("decision.propose", WORKING_ROLES),
            Map.entry("action.create", WORKING_ROLES),
            Map.entry("action.update", EnumSet.of(INCIDENT_COMMANDER, FACILITATOR)),
            Map.entry("update.post", EnumSet.of(INCIDENT_COMMANDER, SCRIBE, COMMS_APPROVER, FACILITATOR)),
            Map.entry("statement.draft", EnumSet.of(COMMS_APPROVER, INCIDENT_COMMANDER)),
            Map.entry("statement.approve", EnumSet.of(COMMS_APPROVER, LEGAL)),
            Map.entry("statement.publish", EnumSet.of(COMMS_APPROVER)),
            Map.entry("ack.request", LEADS),
            Map.entry("invite.create", LEADS),
            Map.entry("exercise.start", EnumSet.of(FACILITATOR)),
            Map.entry("exercise.pause", EnumSet.of(FACILITATOR)),
            Map.entry("exercise.resume", EnumSet.of(FACILITATOR)),
            Map.entry("exercise.speed", EnumSet.of(FACILITATOR)),
            Map.entry("exercise.end", EnumSet.of(FACILITATOR)),
            Map.entry("exercise.inject", EnumSet.of(FACILITATOR)));

    private AuthorityPolicy() {
    }

    /** The roles that may issue a command, whatever its content. */
    public static Set<Role> rolesFor(String command) {
        return TABLE.getOrDefault(command, Set.of());
    }

    public static boolean allows(String command, Set<Role> held) {
        return held.stream().anyMatch(rolesFor(command)::contains);
    }

    /** Refuses with {@code forbidden}, naming who may, unless one of the held roles may issue the command. */
    public static void require(String command, Set<Role> held) {
        if (!allows(command, held)) {
            throw SitroomException.forbidden("only " + describe(rolesFor(command)) + " may " + command);
        }
    }

    public static String describe(Set<Role> roles) {
        if (roles.isEmpty()) {
            return "nobody";
        }
        return roles.stream().map(Role::wire).sorted().collect(Collectors.joining(" or "));
    }
}
