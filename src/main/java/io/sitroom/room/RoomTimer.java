package io.sitroom.room;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

/**
 * Something in a room that falls due at a time: a decision's expiry, an action's due time, the next
 * status update, an acknowledgement deadline. Features schedule timers from their projections;
 * {@link Timers} fires them, deleting the row in the transaction that appends what it caused.
 */
@Entity
@Table(name = "room_timer")
@IdClass(RoomTimer.Key.class)
public class RoomTimer extends PanacheEntityBase {

    public record Key(UUID roomId, String kind, String subject) implements Serializable {
    }

    @Id
    @Column(name = "room_id")
    public UUID roomId;

    @Id
    @Column(length = 32)
    public String kind;

    @Id
    @Column(length = 64)
    public String subject;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    public Key key() {
        return new Key(roomId, kind, subject);
    }

    /** Sets (or moves) the timer for a subject. */
    public static void schedule(UUID roomId, String kind, String subject, Instant dueAt) {
        RoomTimer timer = findById(new Key(roomId, kind, subject));
        if (timer == null) {
            timer = new RoomTimer();
            timer.roomId = roomId;
            timer.kind = kind;
            timer.subject = subject;
            timer.dueAt = dueAt;
            timer.persist();
        } else {
            timer.dueAt = dueAt;
        }
    }

    public static void cancel(UUID roomId, String kind, String subject) {
        deleteById(new Key(roomId, kind, subject));
    }

    /** Timers due by now in rooms that are not closed (a closed room's timers wait until it reopens). */
    static List<RoomTimer> dueAt(Instant now, int limit) {
        return find("dueAt <= ?1 and roomId in (select r.id from Room r where r.phase <> ?2)", Sort.ascending("dueAt"), now, Phase.CLOSED)
                .page(0, limit).list();
    }
}
