package io.sitroom.subscriber;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.sitroom.error.ErrorCode;
import io.sitroom.error.RetryLater;
import io.sitroom.error.SitroomException;
import io.sitroom.limits.RateLimits;
import io.sitroom.mail.EmailAddress;
import io.sitroom.mail.MailConfig;
import io.sitroom.mail.MailOutbox;
import io.sitroom.mail.MailTokens;

/**
 * Subscribing to the status page by e-mail, with double opt-in. Asking to subscribe answers the same whether the
 * address is new, waiting for its confirmation, or subscribed already, so the form tells nobody who subscribes; a
 * confirmation link is mailed to a new or unconfirmed address at most once per {@code sitroom.subscribers.resend-after},
 * and each client address may ask {@code sitroom.limits.subscribes-per-hour} times an hour.
 */
@ApplicationScoped
public class Subscriptions {

    private final MailOutbox outbox;
    private final MailConfig mail;
    private final SubscriberConfig config;
    private final RateLimits limits;
    private final Clock clock;
    private final Template text;
    private final Template html;

    public Subscriptions(MailOutbox outbox, MailConfig mail, SubscriberConfig config, RateLimits limits, Clock clock,
            @Location("mail/subscribe-confirm.txt") Template text, @Location("mail/subscribe-confirm.html") Template html) {
        this.outbox = outbox;
        this.mail = mail;
        this.config = config;
        this.limits = limits;
        this.clock = clock;
        this.text = text;
        this.html = html;
    }

    public boolean offered() {
        return outbox.enabled();
    }

    /**
     * Asks to subscribe an address: refuses one that is not an address ({@code invalid}), a client over its limit
     * ({@code rate_limited}), and when this server sends no mail ({@code not_found}); otherwise answers nothing,
     * whatever the address's state.
     */
    public void subscribe(String input, String clientAddress) {
        if (!offered()) {
            throw SitroomException.notFound("this status page offers no subscriptions by e-mail");
        }
        String email = EmailAddress.parse(input)
                .orElseThrow(() -> SitroomException.invalid("email must be an e-mail address (name@example.com, at most 254 characters)"));
        if (!limits.maySubscribe(clientAddress)) {
            throw new RetryLater(ErrorCode.RATE_LIMITED, "too many subscriptions from this address; try again later",
                    java.time.Duration.ofMinutes(5));
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> subscribeOnce(email));
        } catch (RuntimeException e) {
            // Two requests for one new address at once: the other made the row (and mailed the link).
        }
    }

    private void subscribeOnce(String email) {
        Instant now = clock.instant();
        Subscriber subscriber = Subscriber.find("email", email).firstResult();
        if (subscriber == null) {
            subscriber = new Subscriber();
            subscriber.id = UUID.randomUUID();
            subscriber.email = email;
            subscriber.unsubscribeToken = MailTokens.newToken();
            subscriber.createdAt = now;
        } else if (subscriber.confirmed()
                || subscriber.confirmSentAt != null && subscriber.confirmSentAt.plus(config.resendAfter()).isAfter(now)) {
            return; // subscribed already, or just sent a link: nothing is mailed, and the answer is the same
        }
        String token = MailTokens.newToken();
        subscriber.confirmTokenHash = MailTokens.hash(token);
        subscriber.confirmExpiresAt = now.plus(mail.confirmationTtl());
        subscriber.confirmSentAt = now;
        if (!subscriber.isPersistent()) {
            subscriber.persist();
        }
        String confirm = outbox.link("/status/confirm?token=" + token);
        String status = outbox.link("/status");
        outbox.queue(new MailOutbox.Message(MailOutbox.Category.CONFIRMATION, null, email, "Confirm your subscription to the status page",
                text.data("confirm", confirm).data("status", status).render(), html.data("confirm", confirm).data("status", status).render(),
                null));
    }

    /** What following a link did. */
    public enum Outcome {
        DONE, UNKNOWN_OR_EXPIRED
    }

    /** Confirms the subscription a link was mailed for; the token works once. */
    @Transactional
    public Outcome confirm(String token) {
        if (!MailTokens.wellFormed(token)) {
            return Outcome.UNKNOWN_OR_EXPIRED;
        }
        Subscriber subscriber = Subscriber.find("confirmTokenHash", MailTokens.hash(token)).firstResult();
        if (subscriber == null || subscriber.confirmExpiresAt == null || subscriber.confirmExpiresAt.isBefore(clock.instant())) {
            return Outcome.UNKNOWN_OR_EXPIRED;
        }
        subscriber.confirmTokenHash = null;
        subscriber.confirmExpiresAt = null;
        subscriber.confirmedAt = clock.instant();
        return Outcome.DONE;
    }

    /** Removes the subscriber whose unsubscribe token this is, at once (RFC 8058: no further confirmation). */
    @Transactional
    public Outcome unsubscribe(String token) {
        if (!MailTokens.wellFormed(token)) {
            return Outcome.UNKNOWN_OR_EXPIRED;
        }
        return Subscriber.delete("unsubscribeToken", token) > 0 ? Outcome.DONE : Outcome.UNKNOWN_OR_EXPIRED;
    }

    /** For tests and operators: whether an address is a confirmed subscriber. */
    @Transactional
    public Optional<Boolean> confirmed(String email) {
        return EmailAddress.parse(email).map(e -> Subscriber.<Subscriber> find("email", e).firstResultOptional().map(Subscriber::confirmed)
                .orElse(false));
    }
}
