package io.sitroom.room;

import java.time.Instant;
import java.util.Set;

import io.sitroom.error.SitroomException;
import io.sitroom.role.Role;

/**
 * Everything a decider may consult: the room, who is acting, the time, the directory of people, the
 * deployment's severities and phases;
 * and, for a command whose authority depends on its content, the roles that may issue it whatever
 * the content ({@link #privileged()}), from its declared {@link Authority}.
 */
public record CommandContext(RoomState room, Member actor, Instant now, Directory directory, Taxonomy taxonomy, String command,
        Set<Role> privilegedRoles) {

    /** With Sitroom's own severities and phases. */
    public CommandContext(RoomState room, Member actor, Instant now, Directory directory) {
        this(room, actor, now, directory, Taxonomy.defaults());
    }

    public CommandContext(RoomState room, Member actor, Instant now, Directory directory, Taxonomy taxonomy) {
        this(room, actor, now, directory, taxonomy, null, Set.of());
    }

    CommandContext forCommand(String name, Set<Role> roles) {
        return new CommandContext(room, actor, now, directory, taxonomy, name, roles);
    }

    /** Whether the actor may issue this command whatever its content. */
    public boolean privileged() {
        return actor.roles().stream().anyMatch(privilegedRoles::contains);
    }

    /** Refuses with {@code forbidden}, naming who may, unless the actor is privileged. */
    public void requirePrivileged() {
        if (!privileged()) {
            throw SitroomException.forbidden("only " + Authority.describe(privilegedRoles) + " may " + command);
        }
    }
}
