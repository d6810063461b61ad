package io.sitroom.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.elytron.security.common.BcryptUtil;

/**
 * Hashes and checks passwords with bcrypt. Passwords are never stored or logged in clear. bcrypt is slow on
 * purpose, so only a few run at once ({@code sitroom.security.sign-in.concurrent-password-checks}); the others
 * wait briefly, then are refused with {@code unavailable} and {@code Retry-After}.
 */
@ApplicationScoped
public class Passwords {

    /** A valid hash to check against when the user does not exist, so that timing does not tell. */
    private final String decoy;
    private final int cost;
    private final ConcurrencyGate gate;

    public Passwords(SecurityConfig config) {
        this.cost = config.bcryptCost();
        this.decoy = BcryptUtil.bcryptHash("decoy-password-for-unknown-users", cost);
        this.gate = new ConcurrencyGate(config.signIn().concurrentPasswordChecks().orElse(Runtime.getRuntime().availableProcessors()),
                config.signIn().passwordCheckWait());
    }

    public String hash(String password) {
        return gate.call(() -> BcryptUtil.bcryptHash(password, cost));
    }

    /** Whether the password matches the hash; a null hash (no such user, or no password) never matches, in the same time. */
    public boolean matches(String password, String hash) {
        return gate.call(() -> BcryptUtil.matches(password, hash == null ? decoy : hash)) && hash != null;
    }
}
