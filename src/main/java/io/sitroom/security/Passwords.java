package io.sitroom.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.elytron.security.common.BcryptUtil;

/** Hashes and checks passwords with bcrypt. Passwords are never stored or logged in clear. */
@ApplicationScoped
public class Passwords {

    public static final int MIN_LENGTH = 10;

    /** A valid hash to check against when the user does not exist, so that timing does not tell. */
    private final String decoy;
    private final int cost;

    public Passwords(SecurityConfig config) {
        this.cost = config.bcryptCost();
        this.decoy = BcryptUtil.bcryptHash("decoy-password-for-unknown-users", cost);
    }

    public String hash(String password) {
        return BcryptUtil.bcryptHash(password, cost);
    }

    public boolean matches(String password, String hash) {
        return BcryptUtil.matches(password, hash == null ? decoy : hash) && hash != null;
    }
}
