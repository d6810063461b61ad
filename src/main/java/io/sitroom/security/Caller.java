package io.sitroom.security;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.security.identity.SecurityIdentity;

/** The signed-in caller as the rest of the application sees them. */
public record Caller(UUID userId, String username, String displayName, boolean admin) {

    /** A signed-in account. */
    public static final String USER = "user";
    /** A guest who joined one room by invitation, confined to it. */
    public static final String GUEST = "guest";
    public static final String ADMIN = "admin";
    static final String DISPLAY_NAME = "sitroom.displayName";
    static final String USERNAME = "sitroom.username";
    static final String TOKEN_HASH = "sitroom.tokenHash";
    static final String TOKEN_EXPIRES_AT = "sitroom.tokenExpiresAt";
    static final String REVOCATIONS_MARK = "sitroom.revocationsMark";

    /** The SHA-256 of the bearer token the identity signed in with (never the token), for connections that outlive the request. */
    public static String tokenHashOf(SecurityIdentity identity) {
        return identity == null ? null : identity.getAttribute(TOKEN_HASH);
    }

    /** When the bearer token the identity signed in with expires, as read with it (null: no such token). */
    public static Instant tokenExpiresAtOf(SecurityIdentity identity) {
        return identity == null ? null : identity.getAttribute(TOKEN_EXPIRES_AT);
    }

    /**
     * Where the node stood in the revocations it heard ({@link RevocationsHeard#mark()}) just before the token was
     * read (null: not signed in by a token).
     */
    public static Long revocationsMarkOf(SecurityIdentity identity) {
        return identity == null ? null : identity.getAttribute(REVOCATIONS_MARK);
    }

    public static Caller of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || !(identity.hasRole(USER) || identity.hasRole(GUEST))) {
            return null;
        }
        return new Caller(UUID.fromString(identity.getPrincipal().getName()), identity.getAttribute(USERNAME),
                identity.getAttribute(DISPLAY_NAME), identity.hasRole(ADMIN));
    }
}
