package io.sitroom.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Queues mail in the caller's transaction ({@link MailSender} sends it after the commit), and knows the server's
 * public address for links.
 */
@ApplicationScoped
public class MailOutbox {

    /** What a mail is, for the outbox and the log. */
    public enum Category {
        NOTIFICATION, SUBSCRIBER, CONFIRMATION;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A mail to queue: plain text and HTML of the same content; {@code unsubscribeUrl} only for list mail. */
    public record Message(Category category, UUID userId, String to, String subject, String text, String html, String unsubscribeUrl) {
    }

    private final MailConfig config;
    private final Clock clock;

    public MailOutbox(MailConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** Queues a mail in the current transaction; returns its id, or null when mail is off. */
    public UUID queue(Message message) {
        if (!config.enabled()) {
            return null;
        }
        Instant now = clock.instant();
        OutgoingMail mail = new OutgoingMail();
        mail.id = UUID.randomUUID();
        mail.category = message.category().wire();
        mail.userId = message.userId();
        mail.toAddress = message.to();
        mail.subject = oneLine(message.subject(), 300);
        mail.textBody = message.text();
        mail.htmlBody = message.html();
        mail.unsubscribeUrl = message.unsubscribeUrl();
        mail.status = OutgoingMail.PENDING;
        mail.attempts = 0;
        mail.nextAttemptAt = now;
        mail.createdAt = now;
        mail.persist();
        return mail.id;
    }

    /** The absolute address of a path of this server ({@code /status/unsubscribe?token=...}). */
    public String link(String pathAndQuery) {
        String base = config.baseUrl().orElse("http://localhost:8080");
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + pathAndQuery;
    }

    /** A subject never carries line breaks (a header injection) and stays short. */
    static String oneLine(String text, int max) {
        String line = text.replaceAll("\\p{Cntrl}+", " ").strip();
        return line.length() > max ? line.substring(0, max - 1) + "…" : line;
    }
}
