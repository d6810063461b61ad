package io.sitroom.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.sitroom.error.SitroomException;

/** Accounts: creating them, signing in, and the first admin; and looking people up by id. */
@ApplicationScoped
public class UserService {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    public static final String ADMIN_USERNAME = "admin";

    private final Passwords passwords;
    private final PasswordPolicy policy;
    private final SignInThrottle throttle;
    private final TokenService tokens;
    private final Clock clock;
    private final SecurityConfig config;
    private final io.sitroom.audit.AuditLog audit;
    private final jakarta.enterprise.event.Event<TokensRevoked> revocations;

    public UserService(Passwords passwords, PasswordPolicy policy, SignInThrottle throttle, TokenService tokens, Clock clock,
            SecurityConfig config, io.sitroom.audit.AuditLog audit, jakarta.enterprise.event.Event<TokensRevoked> revocations) {
        this.revocations = revocations;
        this.policy = policy;
        this.throttle = throttle;
        this.audit = audit;
        this.passwords = passwords;
        this.tokens = tokens;
        this.clock = clock;
        this.config = config;
    }

    /** An account; {@code admin} only on the administrator's ({@code true}), so a client offers the admin's screens to them alone. */
    public record UserView(UUID id, String username, String displayName,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean admin) {
        static UserView of(AppUser user) {
            return new UserView(user.id, user.username, user.displayName, user.admin ? Boolean.TRUE : null);
        }
    }

    /** A sign-in's answer; {@code expiresAt} with milliseconds, as every time on the wire. */
    public record SignedIn(String token, String expiresAt, UserView user) {
        public SignedIn(String token, java.time.Instant expiresAt, UserView user) {
            this(token, io.sitroom.clock.WireTime.format(expiresAt), user);
        }
    }

    /**
     * A browser session as the web app sees it ({@code GET /api/auth/session}, and a sign-in's answer when its token
     * went into the cookie): who is signed in, until when, and for a guest the one room they may enter. Never the
     * token.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SessionView(String expiresAt, UserView user, UUID roomId) {
    }

    /** The session of the token with this hash, if it still works. */
    @Transactional
    public java.util.Optional<SessionView> session(String tokenHash) {
        return tokens.signedIn(tokenHash).map(signedIn -> new SessionView(io.sitroom.clock.WireTime.format(signedIn.expiresAt()),
                UserView.of(signedIn.user()), signedIn.user().guestRoomId));
    }

    /**
     * Creates an account. Without a password it signs in only through the company provider (once linked to a
     * person there), and its password login is off.
     */
    @Transactional
    public UserView create(Caller by, String username, String displayName, String password) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw SitroomException.invalid("username must be 2 to 64 characters: lower-case letters, digits, '.', '_' or '-'");
        }
        if (displayName == null || displayName.isBlank() || displayName.strip().length() > 128) {
            throw SitroomException.invalid("displayName is required, at most 128 characters");
        }
        if (password != null) {
            policy.check(password, username);
        }
        if (AppUser.findByUsername(username) != null) {
            throw SitroomException.conflict("username '" + username + "' is taken");
        }
        UserView created = UserView.of(persist(username, displayName.strip(), password, false));
        audit.record(by.userId(), by.displayName(), "user.create", "user " + created.id(),
                "username " + username + (password == null ? ", without a password" : ""));
        return created;
    }

    /**
     * Signs a user in from a client address, or refuses with the same answer whether the user or the password
     * was wrong. Too many failures from the address, or for this username from it, hold further tries back
     * ({@code rate_limited} with the time to wait, before any password is checked): see {@link SignInThrottle}.
     */
    public SignedIn login(String username, String password, String address) {
        throttle.check(username, address);
        AppUser user = username == null ? null : findByUsername(username);
        // An account whose password login is off is checked against the decoy, as an unknown user: the same answer, in the same time.
        String hash = user == null || !user.passwordLogin ? null : user.passwordHash;
        if (password == null || !passwords.matches(password, hash)) {
            throttle.failed(username, address);
            throw new SitroomException(io.sitroom.error.ErrorCode.UNAUTHENTICATED, "wrong username or password");
        }
        throttle.succeeded(username, address);
        if (user.isDisabled()) {
            // Said only to whoever knows the password: a stranger cannot learn which accounts are disabled.
            throw SitroomException.forbidden("this account is disabled; ask an administrator");
        }
        TokenService.Issued issued = tokens.issue(user.id);
        return new SignedIn(issued.token(), issued.expiresAt(), UserView.of(user));
    }

    public record AccountState(UUID userId, boolean disabled, int revoked) {
    }

    public record PasswordLogin(UUID userId, boolean passwordLogin) {
    }

    /**
     * Turns an account's password login on or off (the admin). Off only for an account linked to the company
     * provider (else it would have no way in); on only with a password (given here, or kept from before).
     */
    @Transactional
    public PasswordLogin setPasswordLogin(Caller by, UUID userId, boolean enabled, String newPassword) {
        AppUser user = AppUser.findById(userId);
        if (user == null || user.isGuest()) {
            throw SitroomException.notFound("no user with id " + userId);
        }
        if (!enabled && OidcIdentity.count("userId", userId) == 0) {
            throw SitroomException.conflict("the account is linked to no company sign-in: without its password it could not sign in");
        }
        if (enabled && newPassword != null) {
            policy.check(newPassword, user.username);
            user.passwordHash = passwords.hash(newPassword);
        }
        if (enabled && user.passwordHash == null) {
            throw SitroomException.conflict("the account has no password: give one to turn password sign-in on");
        }
        user.passwordLogin = enabled;
        audit.record(by.userId(), by.displayName(), "user.password_login", "user " + userId,
                "username " + user.username + ", password sign-in " + (enabled ? "on" : "off") + (newPassword != null && enabled ? ", password set" : ""));
        return new PasswordLogin(userId, enabled);
    }

    /**
     * Disables an account (the admin): it can no longer sign in (by password or company sign-in), every
     * token of it is revoked and its open connections are closed on every node. Enabling it lets it sign in
     * again (its old tokens stay revoked). Both are audited; doing either twice changes nothing more. The
     * admin cannot disable their own account (the last way in could be lost).
     */
    @Transactional
    public AccountState setDisabled(Caller by, UUID userId, boolean disabled) {
        AppUser user = AppUser.findById(userId);
        if (user == null) {
            throw SitroomException.notFound("no user with id " + userId);
        }
        if (disabled && user.id.equals(by.userId())) {
            throw SitroomException.conflict("you cannot disable your own account");
        }
        if (disabled == user.isDisabled()) {
            return new AccountState(userId, disabled, 0);
        }
        int revoked = 0;
        if (disabled) {
            user.disabledAt = clock.instant();
            revoked = tokens.revokeAll(userId);
            revocations.fire(new TokensRevoked(userId, null));
        } else {
            user.disabledAt = null;
        }
        audit.record(by.userId(), by.displayName(), disabled ? "user.disable" : "user.enable", "user " + userId,
                "username " + user.username + (disabled ? ", " + revoked + " token(s) revoked" : ""));
        return new AccountState(userId, disabled, revoked);
    }

    public record Revoked(UUID userId, int revoked) {
    }

    /**
     * Revokes every token of a user at once (the admin's answer to a lost laptop or a departure): the
     * audit log records it (how many, never a token), and the user's open connections are closed.
     */
    @Transactional
    public Revoked revokeTokens(Caller by, UUID userId) {
        AppUser user = AppUser.findById(userId);
        if (user == null) {
            throw SitroomException.notFound("no user with id " + userId);
        }
        int revoked = tokens.revokeAll(userId);
        audit.record(by.userId(), by.displayName(), "user.revoke_tokens", "user " + userId,
                "username " + user.username + ", " + revoked + " token(s) revoked");
        revocations.fire(new TokensRevoked(userId, null));
        return new Revoked(userId, revoked);
    }

    @Transactional
    public List<UserView> list() {
        return AppUser.<AppUser> listAll(Sort.ascending("username")).stream().map(UserView::of).toList();
    }

    @Transactional
    AppUser findByUsername(String username) {
        return AppUser.findByUsername(username);
    }

    /** The display name of an account, guests included. */
    @Transactional
    public Optional<String> displayName(UUID userId) {
        return AppUser.<AppUser> findByIdOptional(userId).map(u -> u.displayName);
    }

    /** What {@link #ensureAdmin()} did. */
    public enum AdminCreated {
        NOT_NEEDED, WITH_CONFIGURED_PASSWORD, WITH_GENERATED_PASSWORD
    }

    /**
     * On an empty database, creates {@code admin} with the configured password, or else with the
     * generated one passed to {@code tellOnce} (called only once the account is committed).
     */
    public AdminCreated ensureAdmin(java.util.function.Consumer<String> tellOnce) {
        String configured = config.adminPassword().filter(p -> !p.isBlank()).orElse(null);
        String password = configured;
        if (password == null) {
            byte[] bytes = new byte[18];
            new SecureRandom().nextBytes(bytes);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        String chosen = password;
        boolean created = QuarkusTransaction.requiringNew().call(() -> {
            if (AppUser.count() > 0) {
                return false;
            }
            persist(ADMIN_USERNAME, "Administrator", chosen, true);
            return true;
        });
        if (!created) {
            return AdminCreated.NOT_NEEDED;
        }
        if (configured != null) {
            return AdminCreated.WITH_CONFIGURED_PASSWORD;
        }
        tellOnce.accept(chosen);
        return AdminCreated.WITH_GENERATED_PASSWORD;
    }

    @Transactional
    public boolean adminExists() {
        return AppUser.count("username", ADMIN_USERNAME) > 0;
    }

    private AppUser persist(String username, String displayName, String password, boolean admin) {
        AppUser user = new AppUser();
        user.id = UUID.randomUUID();
        user.username = username;
        user.displayName = displayName;
        user.passwordHash = password == null ? null : passwords.hash(password);
        user.passwordLogin = password != null;
        user.admin = admin;
        user.createdAt = clock.instant();
        user.persist();
        return user;
    }
}
