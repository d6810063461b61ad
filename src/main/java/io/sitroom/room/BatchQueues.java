package io.sitroom.room;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;

import org.jboss.logging.Logger;

/**
 * A first-in first-out queue per room, drained by at most one thread at a time, in batches of
 * what has queued up meanwhile: while one batch commits, the next one gathers. After each batch
 * the room goes to the back of the executor's line, so a busy room never starves the others.
 */
final class BatchQueues<T> {

    private static final Logger LOG = Logger.getLogger(BatchQueues.class);

    /** A room is in the map exactly while a drain is scheduled or running for it. */
    private final ConcurrentHashMap<UUID, ArrayDeque<T>> queues = new ConcurrentHashMap<>();
    private final Executor executor;
    private final int maxBatch;
    private final BiConsumer<UUID, List<T>> process;

    BatchQueues(Executor executor, int maxBatch, BiConsumer<UUID, List<T>> process) {
        this.executor = executor;
        this.maxBatch = maxBatch;
        this.process = process;
    }

    void add(UUID roomId, T item) {
        boolean[] start = new boolean[1];
        queues.compute(roomId, (id, queue) -> {
            ArrayDeque<T> joined = queue;
            if (joined == null) {
                joined = new ArrayDeque<>();
                start[0] = true;
            }
            joined.add(item);
            return joined;
        });
        if (start[0]) {
            executor.execute(() -> drainOnce(roomId));
        }
    }

    /** Whether no room has work queued or a batch running (a room is in the map exactly while it has). */
    boolean idle() {
        return queues.isEmpty();
    }

    private void drainOnce(UUID roomId) {
        List<T> batch = take(roomId);
        if (batch.isEmpty()) {
            return;
        }
        try {
            process.accept(roomId, batch);
        } catch (RuntimeException e) {
            LOG.errorf(e, "room %s: a batch of %d failed unexpectedly", roomId, batch.size());
        }
        executor.execute(() -> drainOnce(roomId));
    }

    /** Up to {@code maxBatch} items; when none is left, the room leaves the map (the next add starts a drain). */
    private List<T> take(UUID roomId) {
        List<T> batch = new ArrayList<>();
        queues.compute(roomId, (id, queue) -> {
            while (queue != null && batch.size() < maxBatch && !queue.isEmpty()) {
                batch.add(queue.poll());
            }
            return batch.isEmpty() ? null : queue;
        });
        return batch;
    }
}
