package io.sitroom.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.sitroom.audit.AuditLog;
import io.sitroom.error.ErrorCode;
import io.sitroom.error.RetryLater;
import io.sitroom.error.SitroomException;
import io.sitroom.mail.EmailAddress;
import io.sitroom.mail.MailConfig;
import io.sitroom.mail.MailOutbox;
import io.sitroom.mail.MailTokens;

/**
 * An account's e-mail address. Set by the person (REST), it is verified only once they follow the link mailed to
 * it; from company sign-in it is verified when the provider says so ({@code email_verified}). Only verified
 * addresses are mailed notifications, and only they find an account ({@link #userByVerifiedEmail}).
 */
@ApplicationScoped
public class AccountEmail {

    /** Confirmation mails one account may cause per hour, so the form cannot mail someone else over and over. */
    static final int CONFIRMATIONS_PER_HOUR = 5;

    private final MailOutbox outbox;
    private final MailConfig config;
    private final Clock clock;
    private final AuditLog audit;
    private final Template text;
    private final Template html;

    public AccountEmail(MailOutbox outbox, MailConfig config, Clock clock, AuditLog audit,
            @Location("mail/confirm-email.txt") Template text, @Location("mail/confirm-email.html") Template html) {
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
        this.audit = audit;
        this.text = text;
        this.html = html;
    }

    /** The account's address as its owner sees it; {@code mail}: whether this server sends mail at all. */
    public record EmailView(String email, boolean verified, boolean pending, boolean mail) {
    }

    /**
     * The account whose verified address this is (not disabled, not a guest), if any. Confirming refuses an address
     * another account holds verified, so one address names one account; should two ever hold it (two confirmations
     * racing), it names none.
     */
    @Transactional
    public Optional<UUID> userByVerifiedEmail(String email) {
        return EmailAddress.parse(email).flatMap(address -> {
            java.util.List<AppUser> holders = AppUser.<AppUser> find(
                    "email = ?1 and emailVerified = true and disabledAt is null and guestRoomId is null", address).page(0, 2).list();
            return holders.size() == 1 ? Optional.of(holders.get(0).id) : Optional.empty();
        });
    }

    @Transactional
    public EmailView view(UUID userId) {
        AppUser user = account(userId);
        boolean pending = EmailConfirmation.count("userId = ?1 and expiresAt > ?2", userId, clock.instant()) > 0;
        return new EmailView(user.email, user.email != null && user.emailVerified, pending && !user.emailVerified, outbox.enabled());
    }

    /**
     * Sets the account's address (unverified) and mails a confirmation link to it; a blank address removes it.
     * The same address again, already verified, changes nothing.
     */
    @Transactional
    public EmailView set(Caller caller, String requested) {
        AppUser user = account(caller.userId());
        if (requested == null || requested.isBlank()) {
            user.email = null;
            user.emailVerified = false;
            EmailConfirmation.delete("userId", user.id);
            audit.record(user.id, user.displayName, "user.email_removed", "user " + user.id, null);
            return view(user.id);
        }
        String email = EmailAddress.parse(requested)
                .orElseThrow(() -> SitroomException.invalid("email must be an e-mail address (name@example.com, at most 254 characters)"));
        if (email.equals(user.email) && user.emailVerified) {
            return view(user.id);
        }
        if (!outbox.enabled()) {
            throw SitroomException.conflict("this server sends no mail, so an address cannot be confirmed");
        }
        Instant now = clock.instant();
        if (EmailConfirmation.count("userId = ?1 and createdAt > ?2", user.id, now.minus(Duration.ofHours(1))) >= CONFIRMATIONS_PER_HOUR) {
            throw new RetryLater(ErrorCode.RATE_LIMITED, "too many confirmation mails for this account; try again later",
                    Duration.ofMinutes(10));
        }
        user.email = email;
        user.emailVerified = false;
        String token = MailTokens.newToken();
        EmailConfirmation confirmation = new EmailConfirmation();
        confirmation.tokenHash = MailTokens.hash(token);
        confirmation.userId = user.id;
        confirmation.email = email;
        confirmation.createdAt = now;
        confirmation.expiresAt = now.plus(config.confirmationTtl());
        confirmation.persist();
        String link = outbox.link("/api/account/email/confirm?token=" + token);
        outbox.queue(new MailOutbox.Message(MailOutbox.Category.CONFIRMATION, null, email, "Confirm your e-mail address for Sitroom",
                text.data("name", user.displayName).data("link", link).render(),
                html.data("name", user.displayName).data("link", link).render(), null));
        audit.record(user.id, user.displayName, "user.email_set", "user " + user.id, "unverified until confirmed");
        return view(user.id);
    }

    /** What following a confirmation link did. */
    public enum Confirmed {
        CONFIRMED, UNKNOWN_OR_EXPIRED, TAKEN
    }

    /**
     * Confirms the address a link was mailed to, once: the token is spent either way. Refused when another account
     * verified the same address meanwhile (one verified address names one account).
     */
    @Transactional
    public Confirmed confirm(String token) {
        if (!MailTokens.wellFormed(token)) {
            return Confirmed.UNKNOWN_OR_EXPIRED;
        }
        EmailConfirmation confirmation = EmailConfirmation.findById(MailTokens.hash(token));
        if (confirmation == null) {
            return Confirmed.UNKNOWN_OR_EXPIRED;
        }
        confirmation.delete();
        AppUser user = AppUser.findById(confirmation.userId);
        if (confirmation.expiresAt.isBefore(clock.instant()) || user == null || !confirmation.email.equals(user.email)) {
            return Confirmed.UNKNOWN_OR_EXPIRED; // expired, or the account has another address since
        }
        AppUser holder = AppUser.findByVerifiedEmail(confirmation.email);
        if (holder != null && !holder.id.equals(user.id)) {
            return Confirmed.TAKEN;
        }
        user.emailVerified = true;
        EmailConfirmation.delete("userId", user.id);
        audit.record(user.id, user.displayName, "user.email_verified", "user " + user.id, "by the mailed link");
        return Confirmed.CONFIRMED;
    }

    /**
     * What company sign-in says about the person's address (in the sign-in's transaction): one the provider
     * verified becomes the account's, verified (unless another account holds it verified); an unverified one is
     * only taken when the account has none, and stays unverified.
     */
    static void fromProvider(AppUser user, String claimed, boolean verifiedByProvider) {
        Optional<String> parsed = EmailAddress.parse(claimed);
        if (parsed.isEmpty()) {
            return;
        }
        String email = parsed.get();
        if (verifiedByProvider) {
            AppUser holder = AppUser.findByVerifiedEmail(email);
            if (holder == null || holder.id.equals(user.id)) {
                user.email = email;
                user.emailVerified = true;
            }
        } else if (user.email == null) {
            user.email = email;
            user.emailVerified = false;
        }
    }

    private static AppUser account(UUID userId) {
        AppUser user = AppUser.findById(userId);
        if (user == null || user.isGuest()) {
            throw SitroomException.forbidden("only accounts have an e-mail address, not guests");
        }
        return user;
    }
}
