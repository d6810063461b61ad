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
import io.sitroom.db.StatementReads;

/** Issues, resolves and revokes bearer tokens: 256 random bits, stored hashed, with an expiry. */
@ApplicationScoped
public class TokenService {

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final SecurityConfig config;
    private final StatementReads reads;

    public TokenService(Clock clock, SecurityConfig config, StatementReads reads) {
        this.clock = clock;
        this.config = config;
        this.reads = reads;
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

    /** The account a token signs in, if the token is known, unexpired and not revoked, and the account is not disabled. */
    public Optional<AppUser> resolve(String token) {
        return resolveHash(Sha256.hex(token));
    }

    /** As {@link #resolve(String)}, for the token with this hash. */
    public Optional<AppUser> resolveHash(String tokenHash) {
        return signedIn(tokenHash).map(SignedInUntil::user);
    }

    /** An account signed in by a token, and when the token expires. */
    public record SignedInUntil(AppUser user, Instant expiresAt) {
    }

    /**
     * As {@link #resolveHash(String)}, with when the token expires. One statement reads the token with its
     * account, without a transaction of its own (see {@link StatementReads}): every socket that opens signs in
     * with it. The account is detached: read it, do not change it.
     */
    public Optional<SignedInUntil> signedIn(String tokenHash) {
        Instant now = clock.instant();
        Optional<Object[]> row = reads.read(session -> session.createNamedSelectionQuery(AuthToken.WITH_USER, Object[].class)
                .setParameter("hash", tokenHash).uniqueResultOptional());
        return row.flatMap(tokenAndUser -> {
            AuthToken token = (AuthToken) tokenAndUser[0];
            AppUser user = (AppUser) tokenAndUser[1];
            // Disabling revokes every token; this also refuses one issued in a race with the disabling.
            return token.validAt(now) && !user.isDisabled() ? Optional.of(new SignedInUntil(user, token.expiresAt)) : Optional.empty();
        });
    }

    @Transactional
    public void revoke(String token) {
        revokeHash(Sha256.hex(token));
    }

    /** As {@link #revoke(String)}, for the token with this hash. */
    @Transactional
    public void revokeHash(String tokenHash) {
        AuthToken row = AuthToken.findById(tokenHash);
        if (row != null && row.revokedAt == null) {
            row.revokedAt = clock.instant();
        }
    }

    /** Revokes every token of a user that is not revoked yet; returns how many. */
    @Transactional
    public int revokeAll(UUID userId) {
        return AuthToken.update("revokedAt = ?1 where userId = ?2 and revokedAt is null", clock.instant(), userId);
    }

    /** Whether the token with this hash is still known, unexpired and not revoked, and its account not disabled. */
    public boolean isValid(String tokenHash) {
        return resolveHash(tokenHash).isPresent();
    }

    /** Tokens asked about at once: one statement each (see {@link #invalidAmong}). */
    private static final int CHUNK = 500;

    /**
     * Of these token hashes, those that no longer sign anybody in: unknown, expired, revoked, or of a disabled
     * account. For a node that may have missed revocations while it was not listening to the other nodes.
     */
    @Transactional
    public java.util.Set<String> invalidAmong(java.util.Collection<String> tokenHashes) {
        java.util.Set<String> invalid = new java.util.HashSet<>(tokenHashes);
        java.util.List<String> all = java.util.List.copyOf(invalid);
        Instant now = clock.instant();
        for (int from = 0; from < all.size(); from += CHUNK) {
            invalid.removeAll(AuthToken.getEntityManager().createQuery("select t.tokenHash from AuthToken t, AppUser u"
                    + " where u.id = t.userId and t.tokenHash in :hashes and t.revokedAt is null and t.expiresAt > :now"
                    + " and u.disabledAt is null", String.class)
                    .setParameter("hashes", all.subList(from, Math.min(all.size(), from + CHUNK)))
                    .setParameter("now", now)
                    .getResultList());
        }
        return invalid;
    }
}
