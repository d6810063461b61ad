package io.sitroom.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.sitroom.error.OutageLog;

/**
 * Sends the outbox, off the rooms' threads: each due mail is claimed by moving its next attempt past the send
 * (compare-and-set on {@code next_attempt_at}, the same on H2 and PostgreSQL), so on several nodes one sends it;
 * if that node dies mid-send the claim runs out and another sends it. Sent mail is marked {@code sent}; a failure
 * is retried after 30 s, doubling to 1 h, and given up ({@code failed}) after {@code sitroom.mail.max-attempts}.
 * A mail may go out twice only if a node dies between the SMTP server's acceptance and the commit that marks it.
 */
@ApplicationScoped
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class);
    private final OutageLog outage = new OutageLog(LOG, "the mail outbox");
    /** Longer than one SMTP conversation can take (quarkus-mailer's own timeouts are shorter). */
    static final Duration CLAIM = Duration.ofMinutes(5);
    private static final int BATCH = 100;

    private final Mailer mailer;
    private final Clock clock;
    private final MailConfig config;

    public MailSender(Mailer mailer, Clock clock, MailConfig config) {
        this.mailer = mailer;
        this.clock = clock;
        this.config = config;
    }

    @Scheduled(every = "${sitroom.mail.poll-interval:5s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        sendDue();
    }

    /** Sends every mail due now (at most a few hundred a pass); returns how many were sent. */
    public synchronized int sendDue() {
        int sent = 0;
        for (int pass = 0; pass < 5; pass++) {
            List<OutgoingMail> due;
            try {
                due = QuarkusTransaction.requiringNew().call(() -> OutgoingMail.<OutgoingMail> find(
                        "status = ?1 and nextAttemptAt <= ?2 order by nextAttemptAt", OutgoingMail.PENDING, clock.instant())
                        .page(0, BATCH).list());
                outage.succeeded();
            } catch (RuntimeException e) {
                if (!outage.failed(e)) {
                    LOG.warnf("the mail outbox could not be read: %s", e.getMessage());
                }
                return sent;
            }
            if (due.isEmpty()) {
                break;
            }
            for (OutgoingMail mail : due) {
                if (claim(mail) && send(mail)) {
                    sent++;
                }
            }
            if (due.size() < BATCH) {
                break;
            }
        }
        return sent;
    }

    private boolean claim(OutgoingMail mail) {
        Instant until = clock.instant().plus(CLAIM);
        return QuarkusTransaction.requiringNew().call(() -> OutgoingMail.update(
                "nextAttemptAt = ?1 where id = ?2 and status = ?3 and nextAttemptAt = ?4", until, mail.id, OutgoingMail.PENDING,
                mail.nextAttemptAt)) == 1;
    }

    private boolean send(OutgoingMail mail) {
        String error = null;
        try {
            Mail message = Mail.withText(mail.toAddress, mail.subject, mail.textBody).setHtml(mail.htmlBody);
            if (mail.unsubscribeUrl != null) {
                // RFC 2369 and RFC 8058: a mail client may offer unsubscribing, and POST to the address to do it at once.
                message.addHeader("List-Unsubscribe", "<" + mail.unsubscribeUrl + ">");
                message.addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            message.addHeader("Auto-Submitted", "auto-generated");
            mailer.send(message);
        } catch (RuntimeException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        String failure = error;
        QuarkusTransaction.requiringNew().run(() -> record(mail.id, failure));
        return failure == null;
    }

    private void record(UUID id, String error) {
        OutgoingMail mail = OutgoingMail.findById(id);
        if (mail == null || !OutgoingMail.PENDING.equals(mail.status)) {
            return;
        }
        mail.attempts++;
        if (error == null) {
            mail.status = OutgoingMail.SENT;
            mail.sentAt = clock.instant();
            mail.lastError = null;
            return;
        }
        mail.lastError = MailOutbox.oneLine(error, 500);
        if (mail.attempts >= Math.max(1, config.maxAttempts())) {
            mail.status = OutgoingMail.FAILED;
            LOG.warnf("a %s mail (%s) was given up after %d attempts: %s", mail.category, mail.id, mail.attempts, mail.lastError);
        } else {
            long backoff = Math.min(3600, 30L << Math.min(10, mail.attempts - 1));
            mail.nextAttemptAt = clock.instant().plusSeconds(backoff);
            LOG.debugf("a %s mail (%s) failed, retried in %d s: %s", mail.category, mail.id, backoff, mail.lastError);
        }
    }
}
