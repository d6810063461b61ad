package io.sitroom.retro;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.sitroom.chain.Checkpoint;
import io.sitroom.chain.Countersignature;
import io.sitroom.comms.CommsViews;
import io.sitroom.evidence.Jwks;
import io.sitroom.exercise.PlayedScenario;
import io.sitroom.metrics.RoomMetrics;
import io.sitroom.proof.RoleChange;
import io.sitroom.room.ChainReport;
import io.sitroom.room.EventView;
import io.sitroom.room.RoomSnapshot;

/**
 * A room's retrospective as one caller may see it: the snapshot's projections, the whole visible
 * timeline, and the chain. Events the caller may not see stay in the chain as redacted links
 * (seq, prevHash, hash), so that anyone can still recompute the whole chain from this file alone.
 * {@code scenario}: in an exercise's export for its facilitator, the scenario it plays (whose digest its
 * {@code room.created} records), from which the verifier derives the exercise again.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RoomExport(String format, String exportedAt, Person exportedBy, RoomSnapshot room, RoomMetrics metrics,
        List<RoleChange> roleHistory, List<CommsViews.UpdateView> updates, List<String> lessonsLearned, PlayedScenario scenario, Chain chain) {

    public static final String FORMAT = "sitroom-export/1";

    public record Person(UUID userId, String displayName) {
    }


    /**
     * The hash chain: {@code hash = sha256(prevHash + canonicalJson(event))} from {@code genesis}
     * (docs/protocol.md). {@code events} holds every event in seq order, redacted or not;
     * {@code checkpoints} the room's signed heads and {@code keys} the JWK Set they verify with; {@code witnesses}
     * the witnesses' countersignatures of those checkpoints and {@code witnessKeys} the witnesses' pinned keys
     * (docs/evidence.md).
     */
    public record Chain(int version, String algorithm, String genesis, long headSeq, String headHash, ChainReport verification,
            List<ChainLink> events, List<Checkpoint> checkpoints, Jwks keys, List<Countersignature> witnesses, Jwks witnessKeys) {
    }

    /**
     * One link: the full event, or only its seq and hashes when the caller may not see it. {@code brief}
     * is the event's own short text for rendered timelines; it is not part of the file (the chain covers
     * exactly the event). In chain version 2 a full event carries the {@code salt} that commits it to its
     * data, and an erased one ({@code erased}: true) its commitment, {@code content}, in place of data and salt.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ChainLink(long seq, String at, String kind, EventView.ActorView actor, String commandId, Object data, List<String> visibleTo,
            String salt, String content, Boolean erased, String prevHash, String hash, Boolean redacted, @JsonIgnore String brief) {
    }
}
