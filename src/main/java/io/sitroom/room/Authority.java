package io.sitroom.room;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.sitroom.error.SitroomException;
import io.sitroom.role.Role;

/**
 * Who may issue a command, declared once, on its {@link CommandType}: per kind of room, the roles
 * that may issue it whatever its content (a command absent from a kind does not exist there); and
 * whether others may too, depending on the content: their own role, an action they own, a decision
 * that names them as an approver. The pipeline refuses everyone else before the decider runs; for
 * content-dependent commands the decider judges the content, told whether the actor is privileged.
 */
public record Authority(Map<RoomKind, Set<Role>> roles, boolean byContent) {

    public Authority {
        EnumMap<RoomKind, Set<Role>> copy = new EnumMap<>(RoomKind.class);
        roles.forEach((kind, held) -> {
            EnumSet<Role> kept = EnumSet.noneOf(Role.class);
            held.stream().filter(kind::has).forEach(kept::add);
            copy.put(kind, Collections.unmodifiableSet(kept));
        });
        roles = Collections.unmodifiableMap(copy);
    }

    /** The roles that do the work of a room; executives and observers follow it. */
    public static final Set<Role> WORKING = Collections.unmodifiableSet(EnumSet.of(Role.INCIDENT_COMMANDER, Role.CONTAINMENT_LEAD,
            Role.COMMS_APPROVER, Role.LEGAL, Role.SCRIBE, Role.FACILITATOR, Role.PARTICIPANT));

    /**
     * The room's lead alone: the incident commander of an incident, the facilitator of an exercise (whose
     * incident commander is a player). The lead manages members and roles and invites.
     */
    public static Authority lead() {
        Map<RoomKind, Set<Role>> roles = new EnumMap<>(RoomKind.class);
        for (RoomKind kind : RoomKind.values()) {
            roles.put(kind, Set.of(kind.leadRole()));
        }
        return new Authority(roles, false);
    }

    /** Whoever leads the response in either kind of room: the incident commander, and an exercise's facilitator. */
    public static Authority leads() {
        return of(Role.INCIDENT_COMMANDER, Role.FACILITATOR);
    }

    public static Authority working() {
        return of(WORKING.toArray(Role[]::new));
    }

    /** These roles, in every kind of room (a role a kind cannot have is left out there). */
    public static Authority of(Role... roles) {
        Map<RoomKind, Set<Role>> map = new EnumMap<>(RoomKind.class);
        for (RoomKind kind : RoomKind.values()) {
            map.put(kind, Set.of(roles));
        }
        return new Authority(map, false);
    }

    /** These roles, and only in rooms of one kind. */
    public static Authority in(RoomKind kind, Role... roles) {
        return new Authority(Map.of(kind, Set.of(roles)), false);
    }

    /** Every role but those listed, in every kind of room. */
    public static Authority allBut(Role... excluded) {
        EnumSet<Role> roles = EnumSet.allOf(Role.class);
        roles.removeAll(Arrays.asList(excluded));
        return of(roles.toArray(Role[]::new));
    }

    /** As this, and others may issue it too when its content allows (judged by the decider). */
    public Authority orByContent() {
        return new Authority(roles, true);
    }

    public boolean existsIn(RoomKind kind) {
        return roles.containsKey(kind);
    }

    /** The roles that may issue it whatever its content, in a room of this kind. */
    public Set<Role> rolesIn(RoomKind kind) {
        return roles.getOrDefault(kind, Set.of());
    }

    /** Whether someone holding these roles may issue it whatever its content. */
    public boolean privileged(Set<Role> held, RoomKind kind) {
        Set<Role> allowed = rolesIn(kind);
        return held.stream().anyMatch(allowed::contains);
    }

    /** Whether someone holding these roles may issue it, for some content at least. */
    public boolean mayIssue(Set<Role> held, RoomKind kind) {
        return existsIn(kind) && (byContent || privileged(held, kind));
    }

    /**
     * The pipeline's check: refuses with {@code invalid} a command that does not exist in this kind of
     * room, with {@code forbidden} (naming who may) an actor who may not issue it; otherwise says
     * whether the actor is privileged (may issue it whatever its content).
     */
    public boolean check(String command, Set<Role> held, RoomKind kind) {
        if (!existsIn(kind)) {
            throw SitroomException.invalid(command + " is a command of " + roles.keySet().stream()
                    .map(k -> k.name().toLowerCase() + "s").sorted().collect(Collectors.joining(" and ")) + " only");
        }
        boolean privileged = privileged(held, kind);
        if (!privileged && !byContent) {
            throw SitroomException.forbidden("only " + describe(rolesIn(kind)) + " may " + command);
        }
        return privileged;
    }

    /** "comms_approver or legal" ("nobody" for none). */
    public static String describe(Set<Role> roles) {
        if (roles.isEmpty()) {
            return "nobody";
        }
        return roles.stream().map(Role::wire).sorted().collect(Collectors.joining(" or "));
    }
}
