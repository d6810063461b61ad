package io.sitroom.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.sitroom.audit.AuditLog;
import io.sitroom.error.SitroomException;

/**
 * Company sign-in, once the provider has vouched for a person: finds their account by the stable link
 * (issuer + subject), or creates it on the first sign-in (unless switched off), then issues an ordinary
 * Sitroom token. Never matches an existing account by name or e-mail: a provider's {@code preferred_username}
 * of {@code admin} gets a new account of its own, not the administrator's.
 */
@ApplicationScoped
public class OidcAccounts {

    private static final Pattern NOT_USERNAME = Pattern.compile("[^a-z0-9._-]+");
    private static final int MAX_USERNAME = 64;

    private final TokenService tokens;
    private final AuditLog audit;
    private final Clock clock;
    private final OidcIssuer provider;

    public OidcAccounts(TokenService tokens, AuditLog audit, Clock clock, OidcIssuer provider) {
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
        this.provider = provider;
    }

    /**
     * What the provider's verified ID token says about the person; {@code emailVerified} is its
     * {@code email_verified} claim (absent: not verified).
     */
    public record Person(String issuer, String subject, String name, String preferredUsername, String email, boolean emailVerified) {

        public Person(String issuer, String subject, String name, String preferredUsername, String email) {
            this(issuer, subject, name, preferredUsername, email, false);
        }
    }

    /**
     * Signs a person in: {@code {token, expiresAt, user}} as {@code POST /api/auth/login} answers. Refuses
     * ({@code forbidden}) a person linked to no account when {@code createAccounts} is false.
     */
    public UserService.SignedIn signIn(Person person, boolean createAccounts) {
        if (person.issuer() == null || person.issuer().isBlank() || person.subject() == null || person.subject().isBlank()) {
            throw SitroomException.invalid("the provider's ID token names no issuer or subject");
        }
        UserService.SignedIn signedIn;
        try {
            signedIn = QuarkusTransaction.requiringNew().call(() -> signInOnce(person, createAccounts));
        } catch (SitroomException e) {
            audit.record(null, null, "auth.oidc_refused", "issuer " + person.issuer(), "subject " + person.subject() + ": " + e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            // Two first sign-ins of one person at once: the other created the link (or took the username); look again.
            signedIn = QuarkusTransaction.requiringNew().call(() -> signInOnce(person, createAccounts));
        }
        if (signedIn == null) {
            audit.record(null, null, "auth.oidc_refused", "issuer " + person.issuer(),
                    "subject " + person.subject() + ": no linked account, and accounts are not created on sign-in");
            throw SitroomException.forbidden("no Sitroom account is linked to this sign-in; ask an administrator");
        }
        return signedIn;
    }

    /** Null when the person is linked to no account and none may be created. */

    private UserService.SignedIn signInOnce(Person person, boolean createAccounts) {
        Instant now = clock.instant();
        OidcIdentity link = OidcIdentity.find(OidcIssuer.normalise(person.issuer()), person.subject());
        if (link == null) {
            link = OidcIdentity.find(person.issuer(), person.subject()); // linked before issuers were stored normalised
        }
        AppUser user;
        boolean created = false;
        if (link != null) {
            user = AppUser.findById(link.userId);
            if (user == null) {
                throw SitroomException.forbidden("the account linked to this sign-in no longer exists");
            }
            if (user.isDisabled()) {
                throw SitroomException.forbidden("this account is disabled; ask an administrator");
            }
            link.lastSignInAt = now;
            AccountEmail.fromProvider(user, person.email(), person.emailVerified());
        } else if (!createAccounts) {
            return null;
        } else {
            user = new AppUser();
            user.id = UUID.randomUUID();
            user.username = freeUsername(person);
            user.displayName = displayName(person);
            user.passwordHash = null; // signs in through the provider only
            user.passwordLogin = false;
            user.admin = false;
            user.createdAt = now;
            AccountEmail.fromProvider(user, person.email(), person.emailVerified());
            user.persist();
            link(OidcIssuer.normalise(person.issuer()), person.subject(), user.id, now);
            created = true;
            audit.record(user.id, user.displayName, "user.create", "user " + user.id,
                    "username " + user.username + ", on first sign-in through issuer " + person.issuer());
        }
        TokenService.Issued issued = tokens.issue(user.id);
        audit.record(user.id, user.displayName, "auth.oidc_sign_in", "user " + user.id,
                "issuer " + person.issuer() + ", subject " + person.subject() + (created ? ", account created" : ""));
        return new UserService.SignedIn(issued.token(), issued.expiresAt(), UserService.UserView.of(user));
    }

    /**
     * Links an existing account (not a guest) to a person at an issuer, so that they can sign in through the
     * provider even when accounts are not created on sign-in. The admin's act, audited.
     */
    @Transactional
    public void linkExisting(Caller by, UUID userId, String issuer, String subject) {
        if (issuer == null || issuer.isBlank() || issuer.length() > 512 || subject == null || subject.isBlank() || subject.length() > 255) {
            throw SitroomException.invalid("issuer (at most 512 characters) and subject (at most 255) are required");
        }
        if (provider.configured().isEmpty()) {
            throw SitroomException.conflict("company sign-in is not configured on this server");
        }
        if (!provider.isConfigured(issuer)) {
            throw SitroomException.invalid("issuer must be this server's company sign-in provider: " + provider.configured().get());
        }
        AppUser user = AppUser.findById(userId);
        if (user == null || user.isGuest()) {
            throw SitroomException.notFound("no user with id " + userId);
        }
        String normalised = OidcIssuer.normalise(issuer);
        if (OidcIdentity.find(normalised, subject) != null || OidcIdentity.find(issuer, subject) != null) {
            throw SitroomException.conflict("this issuer and subject are already linked to an account");
        }
        link(normalised, subject, userId, clock.instant());
        audit.record(by.userId(), by.displayName(), "user.oidc_link", "user " + userId, "issuer " + issuer + ", subject " + subject);
    }

    private static void link(String issuer, String subject, UUID userId, Instant now) {
        OidcIdentity link = new OidcIdentity();
        link.id = UUID.randomUUID();
        link.issuer = issuer;
        link.subject = subject;
        link.userId = userId;
        link.createdAt = now;
        link.lastSignInAt = now;
        link.persist();
    }

    static String displayName(Person person) {
        String name = Stream.of(person.name(), person.preferredUsername(), person.email())
                .filter(s -> s != null && !s.isBlank()).findFirst().orElse("Signed in through single sign-on").strip();
        return name.length() > 128 ? name.substring(0, 128) : name;
    }

    /** A username from the provider's claims, made to fit the username rules and not taken yet. */
    static String freeUsername(Person person) {
        String base = usernameBase(person);
        if (AppUser.findByUsername(base) == null) {
            return base;
        }
        for (int n = 2; n < 100; n++) {
            String suffix = "-" + n;
            String candidate = base.substring(0, Math.min(base.length(), MAX_USERNAME - suffix.length())) + suffix;
            if (AppUser.findByUsername(candidate) == null) {
                return candidate;
            }
        }
        String suffix = "-" + UUID.randomUUID().toString().substring(0, 8);
        return base.substring(0, Math.min(base.length(), MAX_USERNAME - suffix.length())) + suffix;
    }

    static String usernameBase(Person person) {
        String email = person.email();
        String emailLocal = email == null || email.indexOf('@') <= 0 ? null : email.substring(0, email.indexOf('@'));
        for (String candidate : new String[] { person.preferredUsername(), emailLocal, person.name() }) {
            if (candidate == null) {
                continue;
            }
            String cleaned = NOT_USERNAME.matcher(candidate.strip().toLowerCase(Locale.ROOT)).replaceAll("-");
            cleaned = cleaned.replaceAll("^[._-]+", "");
            if (cleaned.length() > MAX_USERNAME - 3) {
                cleaned = cleaned.substring(0, MAX_USERNAME - 3);
            }
            if (cleaned.length() >= 2) {
                return cleaned;
            }
        }
        return "sso-user";
    }
}
