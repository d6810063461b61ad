package io.sitroom.security;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A bearer token, stored only as its SHA-256: a leaked table does not sign anybody in. */
@Entity
@Table(name = "auth_token")
// Named: parsed once as the application starts, not by the first sockets of a storm all at once (TokenService.signedIn).
@NamedQuery(name = AuthToken.WITH_USER, query = "select t, u from AuthToken t join AppUser u on u.id = t.userId where t.tokenHash = :hash")
public class AuthToken extends PanacheEntityBase {

    /** The token with this {@code hash} and its account: one row of {@code [AuthToken, AppUser]}, or none. */
    public static final String WITH_USER = "AuthToken.withUser";

    @Id
    @Column(name = "token_hash", length = 64)
    public String tokenHash;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public boolean validAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }
}
