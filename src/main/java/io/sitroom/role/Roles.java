package io.sitroom.role;

import java.util.Collection;
import java.util.stream.Collectors;

/** Sets of roles in words. */
public final class Roles {

    private Roles() {
    }

    /** "comms_approver, legal": wire names, sorted. */
    public static String names(Collection<Role> roles) {
        return roles.stream().map(Role::wire).sorted().collect(Collectors.joining(", "));
    }
}
