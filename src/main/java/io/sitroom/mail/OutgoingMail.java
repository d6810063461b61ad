package io.sitroom.mail;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One mail in the outbox, written in the transaction that decided to send it, so a commit never loses one and a
 * rollback never sends one. {@code pending} until sent ({@code sent}) or given up ({@code failed}).
 */
@Entity
@Table(name = "mail_outbox")
public class OutgoingMail extends PanacheEntityBase {

    public static final String PENDING = "pending";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";

    @Id
    public UUID id;

    /** What the mail is: {@link MailOutbox.Category}'s wire name. */
    @Column(nullable = false, length = 16)
    public String category;

    /** The account it was mailed to, for member notifications (their hourly limit counts these); else null. */
    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "to_address", nullable = false, length = 254)
    public String toAddress;

    @Column(nullable = false, length = 300)
    public String subject;

    @Column(name = "text_body", nullable = false, length = 200_000)
    public String textBody;

    @Column(name = "html_body", nullable = false, length = 400_000)
    public String htmlBody;

    /** For subscribers' mail: the one-click unsubscribe address (List-Unsubscribe). */
    @Column(name = "unsubscribe_url", length = 1000)
    public String unsubscribeUrl;

    @Column(nullable = false, length = 16)
    public String status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "last_error", length = 500)
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;
}
