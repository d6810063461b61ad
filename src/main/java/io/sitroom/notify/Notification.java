package io.sitroom.notify;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One thing to tell one member, written in the unit of work of the event or timer that caused it. Its line was
 * made for that member: it holds nothing they may not see in the room. {@code pending} until it goes into a mail
 * ({@code mailed}), or {@code skipped} (no verified address, or the person does not want this kind).
 */
@Entity
@Table(name = "member_notification")
public class Notification extends PanacheEntityBase {

    static final String PENDING = "pending";
    static final String MAILED = "mailed";
    static final String SKIPPED = "skipped";

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(name = "room_id", nullable = false)
    public UUID roomId;

    /** The seq of the event it follows (for a timer's notice, the room's head then). */
    @Column(nullable = false)
    public long seq;

    @Column(nullable = false, length = 32)
    public String kind;

    @Column(nullable = false, length = 1000)
    public String line;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(nullable = false, length = 16)
    public String status;

    @Column(name = "mail_id")
    public UUID mailId;
}
