package io.sitroom.comms;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A room's status update cadence: when the next update is due (null: none owed), and when the last was posted. */
@Entity
@Table(name = "update_cadence")
public class UpdateCadence extends PanacheEntityBase {

    @Id
    @Column(name = "room_id")
    public UUID roomId;

    @Column(name = "next_due_at")
    public Instant nextDueAt;

    @Column(name = "last_update_at")
    public Instant lastUpdateAt;

    /** The cadence of a room; every room has one from its opening. */
    static UpdateCadence of(UUID roomId) {
        UpdateCadence cadence = findById(roomId);
        if (cadence == null) {
            cadence = new UpdateCadence();
            cadence.roomId = roomId;
            cadence.persist();
        }
        return cadence;
    }
}
