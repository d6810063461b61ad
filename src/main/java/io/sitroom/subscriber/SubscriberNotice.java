package io.sitroom.subscriber;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * Something the status page's subscribers are to be told, written in the unit of work of the event: a published
 * statement ({@code update}: the room's {@code status_page_update} at {@code seq}) or the incident's resolution
 * ({@code resolved}). {@link SubscriberMailer} mails it to each confirmed subscriber if the page shows it then.
 */
@Entity
@Table(name = "subscriber_notice")
public class SubscriberNotice extends PanacheEntityBase {

    static final String UPDATE = "update";
    static final String RESOLVED = "resolved";

    @Id
    public UUID id;

    @Column(name = "room_id", nullable = false)
    public UUID roomId;

    @Column(nullable = false)
    public long seq;

    @Column(nullable = false, length = 16)
    public String kind;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public boolean expanded;
}
