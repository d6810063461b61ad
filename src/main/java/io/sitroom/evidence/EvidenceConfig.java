package io.sitroom.evidence;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Signed checkpoints (docs/evidence.md). */
@ConfigMapping(prefix = "sitroom.evidence")
public interface EvidenceConfig {

    /**
     * The secret (32 characters or more, from {@code SITROOM_EVIDENCE_KEY}) that seals the signing keys'
     * private halves in the database. Every node of a cluster needs the same one. Unset: no checkpoint
     * is signed (one warning at start); shorter than 32 characters: the node refuses to start.
     */
    Optional<String> keySecret();

    /** The shortest time between two checkpoints of a room that keeps changing; a room that closes is signed at once. */
    @WithDefault("60s")
    Duration checkpointInterval();

    /**
     * This server's name as a witness, signed into every countersignature it gives (say its public host name).
     * Unset: it is no witness, and {@code POST /api/witness/checkpoints} answers 503.
     */
    Optional<String> witnessName();

    /** How often rooms are looked at for a checkpoint that falls due (and witnesses for checkpoints to send). */
    @WithDefault("5s")
    Duration pollInterval();
}
