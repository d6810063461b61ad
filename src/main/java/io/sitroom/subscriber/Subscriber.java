package io.sitroom.subscriber;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A subscriber of the status page by e-mail. Mailed only once confirmed (double opt-in): the confirmation link's
 * token is stored hashed, single-use, until it expires. The unsubscribe token is in every mail, so it is kept as it
 * is; it can do nothing but remove this address.
 */
@Entity
@Table(name = "status_subscriber")
public class Subscriber extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, length = 254)
    public String email;

    @Column(name = "confirm_token_hash", length = 64)
    public String confirmTokenHash;

    @Column(name = "confirm_expires_at")
    public Instant confirmExpiresAt;

    /** When the last confirmation mail was queued: another waits {@code sitroom.subscribers.resend-after}. */
    @Column(name = "confirm_sent_at")
    public Instant confirmSentAt;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "unsubscribe_token", nullable = false, length = 64)
    public String unsubscribeToken;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public boolean confirmed() {
        return confirmedAt != null;
    }
}
