package io.sitroom.evidence;

import java.io.Serializable;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.sitroom.chain.Checkpoint;
import io.sitroom.chain.Countersignature;

/** A checkpoint this server countersigned as a witness: one per origin, room and seq, never replaced. */
@Entity
@Table(name = "witnessed_checkpoint")
@IdClass(WitnessedCheckpoint.Key.class)
public class WitnessedCheckpoint extends PanacheEntityBase {

    public record Key(UUID originId, String roomId, long seq) implements Serializable {
    }

    @Id
    @Column(name = "origin_id")
    public UUID originId;

    @Id
    @Column(name = "room_id", length = 36)
    public String roomId;

    @Id
    public long seq;

    @Column(name = "head_hash", nullable = false, length = 64)
    public String headHash;

    @Column(name = "checkpoint_at", nullable = false, length = 40)
    public String checkpointAt;

    @Column(nullable = false, length = 64)
    public String kid;

    @Column(nullable = false, length = 128)
    public String signature;

    @Column(name = "witnessed_at", nullable = false, length = 40)
    public String witnessedAt;

    @Column(name = "witness_name", nullable = false, length = 100)
    public String witnessName;

    @Column(name = "witness_kid", nullable = false, length = 64)
    public String witnessKid;

    @Column(name = "witness_signature", nullable = false, length = 128)
    public String witnessSignature;

    Checkpoint checkpoint() {
        return new Checkpoint(roomId, seq, headHash, checkpointAt, kid, signature);
    }

    Countersignature countersignature() {
        return new Countersignature(seq, witnessName, witnessedAt, witnessKid, witnessSignature);
    }
}
