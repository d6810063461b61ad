package io.sitroom.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.sitroom.crypto.Sha256;

/** Issues, resolves and revokes bearer tokens: 256 random bits, stored hashed, with an expiry. */
@ApplicationScoped
public class TokenService {

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final SecurityConfig config;

    public TokenService(Clock clock, SecurityConfig config) {
        this.clock = clock;
        this.config = config;
    }

    public record Issued(String token, Instant expiresAt) {
    }

    @Transactional
    public Issued issue(UUID userId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        AuthToken row = new AuthToken();
        row.tokenHash = Sha256.hex(token);
        row.userId = userId;
        row.createdAt = clock.instant();
        row.expiresAt = row.createdAt.plus(config.tokenTtl());
        row.persist();
        return new Issued(token, row.expiresAt);
    }

    /** The account a token signs in, if the token is known, unexpired and not revoked. */
    @Transactional
    public Optional<AppUser> resolve(String token) {
        AuthToken row = AuthToken.findById(Sha256.hex(token));
        if (row == null || !row.validAt(clock.instant())) {
            return Optional.empty();
        }
        return Optional.ofNullable(AppUser.findById(row.userId));
    }

    @Transactional
    public void revoke(String token) {
        AuthToken row = AuthToken.findById(Sha256.hex(token));
        if (row != null && row.revokedAt == null) {
            row.revokedAt = clock.instant();
        }
    }

    /** Revokes every token of a user that is not revoked yet; returns how many. */
    @Transactional
    public int revokeAll(UUID userId) {
        return AuthToken.update("revokedAt = ?1 where userId = ?2 and revokedAt is null", clock.instant(), userId);
    }

    /** Whether the token with this hash is still known, unexpired and not revoked. */
    @Transactional
    public boolean isValid(String tokenHash) {
        AuthToken row = AuthToken.findById(tokenHash);
        return row != null && row.validAt(clock.instant());
    }

    /** When the token with this hash expires, if it is known. */
    @Transactional
    public Optional<Instant> expiresAt(String tokenHash) {
        return Optional.ofNullable(AuthToken.<AuthToken> findById(tokenHash)).map(row -> row.expiresAt);
    }
}
