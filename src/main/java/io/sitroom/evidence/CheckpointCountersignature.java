package io.sitroom.evidence;

import java.io.Serializable;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.sitroom.chain.Countersignature;

/** A witness's countersignature of one of this server's checkpoints, checked against the witness's pinned keys before it was kept. */
@Entity
@Table(name = "checkpoint_countersignature")
@IdClass(CheckpointCountersignature.Key.class)
public class CheckpointCountersignature extends PanacheEntityBase {

    public record Key(UUID roomId, long seq, UUID targetId) implements Serializable {
    }

    @Id
    @Column(name = "room_id")
    public UUID roomId;

    @Id
    public long seq;

    @Id
    @Column(name = "target_id")
    public UUID targetId;

    /** The witness's name, as it signed it. */
    @Column(nullable = false, length = 100)
    public String witness;

    @Column(name = "witnessed_at", nullable = false, length = 40)
    public String witnessedAt;

    @Column(nullable = false, length = 64)
    public String kid;

    @Column(nullable = false, length = 128)
    public String signature;

    Countersignature countersignature() {
        return new Countersignature(seq, witness, witnessedAt, kid, signature);
    }

    static List<Countersignature> of(UUID roomId) {
        return CheckpointCountersignature.<CheckpointCountersignature> list("roomId = ?1 order by seq, witness", roomId).stream()
                .map(CheckpointCountersignature::countersignature).toList();
    }
}
