package io.sitroom.evidence;

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
import io.sitroom.chain.Checkpoint;

/** A stored checkpoint: one per room and seq, whichever node signed it first. */
@Entity
@Table(name = "room_checkpoint")
@IdClass(RoomCheckpoint.Key.class)
public class RoomCheckpoint extends PanacheEntityBase {

    public record Key(UUID roomId, long seq) implements Serializable {
    }

    @Id
    @Column(name = "room_id")
    public UUID roomId;

    @Id
    public long seq;

    @Column(name = "head_hash", nullable = false, length = 64)
    public String headHash;

    /** The signed time, as the wire writes it (it is what the signature covers). */
    @Column(name = "signed_at", nullable = false, length = 40)
    public String signedAt;

    /** The same time, for queries. */
    @Column(name = "signed_instant", nullable = false)
    public Instant signedInstant;

    @Column(nullable = false, length = 64)
    public String kid;

    @Column(nullable = false, length = 128)
    public String signature;

    public Checkpoint checkpoint() {
        return new Checkpoint(roomId.toString(), seq, headHash, signedAt, kid, signature);
    }

    public static List<Checkpoint> of(UUID roomId) {
        return RoomCheckpoint.<RoomCheckpoint> list("roomId = ?1 order by seq", roomId).stream().map(RoomCheckpoint::checkpoint).toList();
    }
}
