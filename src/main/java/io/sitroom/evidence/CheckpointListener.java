package io.sitroom.evidence;

import java.time.Instant;

import io.sitroom.chain.Checkpoint;

/**
 * Told of each checkpoint this node stores, inside the transaction that stores it: what a listener writes
 * commits with the checkpoint, or not at all (when another node stored that room and seq first, its own
 * transaction told its listeners). Keep it to a few rows; nothing here may wait for the network.
 */
public interface CheckpointListener {

    /** {@code signedAt} is the checkpoint's {@code at} as an instant. */
    void stored(Checkpoint checkpoint, Instant signedAt);
}
