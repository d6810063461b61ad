package io.sitroom.live;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live stream of one room on this node. Transactions commit in seq order but announce on
 * their own threads, so announcements can arrive out of order: the channel holds them until the
 * stream is contiguous, and reports a gap that does not close by itself so it can be read from
 * the log. Events that continue the stream are handed to each event loop once, as one task that
 * writes them to every connection of the room living on that loop: no hop between threads per
 * connection, and each connection gets its events in seq order because each loop runs its tasks
 * in the order they were queued.
 */
final class RoomChannel {

    private final UUID roomId;
    /** The subscribers by the event loop their connection lives on; replaced, never changed in place. */
    private volatile Map<Executor, List<Subscriber>> byEventLoop = Map.of();
    private final TreeMap<Long, OutboundEvent> pending = new TreeMap<>();
    /** The last seq passed to subscribers; -1 until the first subscriber tells where the stream starts. */
    private long delivered = -1;
    /** Reading the log for this room: 0 idle, 1 reading, 2 reading and asked to read once more. */
    private final AtomicInteger fetch = new AtomicInteger();

    RoomChannel(UUID roomId) {
        this.roomId = roomId;
    }

    UUID roomId() {
        return roomId;
    }

    synchronized void add(Subscriber subscriber) {
        Map<Executor, List<Subscriber>> next = copy();
        next.computeIfAbsent(subscriber.eventLoop(), loop -> new ArrayList<>()).add(subscriber);
        byEventLoop = freeze(next);
    }

    synchronized void remove(Subscriber subscriber) {
        Map<Executor, List<Subscriber>> next = copy();
        List<Subscriber> group = next.get(subscriber.eventLoop());
        if (group != null && group.remove(subscriber) && group.isEmpty()) {
            next.remove(subscriber.eventLoop());
        }
        byEventLoop = freeze(next);
    }

    private Map<Executor, List<Subscriber>> copy() {
        Map<Executor, List<Subscriber>> copy = new HashMap<>();
        byEventLoop.forEach((loop, group) -> copy.put(loop, new ArrayList<>(group)));
        return copy;
    }

    private static Map<Executor, List<Subscriber>> freeze(Map<Executor, List<Subscriber>> groups) {
        Map<Executor, List<Subscriber>> frozen = new HashMap<>();
        groups.forEach((loop, group) -> frozen.put(loop, List.copyOf(group)));
        return Map.copyOf(frozen);
    }

    boolean isEmpty() {
        return byEventLoop.isEmpty();
    }

    int size() {
        return byEventLoop.values().stream().mapToInt(List::size).sum();
    }

    /**
     * The head a new subscriber read from the log; starts the stream there if it had not started. Returns where
     * the stream stands: when another subscriber started it at a later head than this one read (two welcomes read
     * side by side on a node that had no client in the room), the events between the two heads were never passed
     * on, and this subscriber must read them from the log.
     */
    synchronized long startAt(long head) {
        if (delivered < 0) {
            delivered = head;
            pending.headMap(head, true).clear();
            drain();
        }
        return delivered;
    }

    /**
     * Takes announced events; passes on those that continue the stream.
     *
     * @return whether a gap remains (an event after the delivered one is still missing)
     */
    synchronized boolean offer(List<OutboundEvent> events) {
        for (OutboundEvent event : events) {
            if (delivered < 0 || event.seq() > delivered) {
                pending.putIfAbsent(event.seq(), event);
            }
        }
        if (delivered >= 0) {
            drain();
        }
        return hasGap();
    }

    synchronized boolean hasGap() {
        return delivered >= 0 && !pending.isEmpty();
    }

    synchronized long delivered() {
        return delivered;
    }

    /** The highest seq this channel has seen, delivered or waiting; -1 before the stream started. */
    synchronized long known() {
        return pending.isEmpty() ? delivered : Math.max(delivered, pending.lastKey());
    }

    /** Asks for a read of the log; true if the caller should start one (none is running). */
    boolean wantFetch() {
        while (true) {
            int state = fetch.get();
            if (state == 0 && fetch.compareAndSet(0, 1)) {
                return true;
            }
            if (state == 2 || (state == 1 && fetch.compareAndSet(1, 2))) {
                return false;
            }
        }
    }

    /** Called by a reader that failed: the next wake-up or poll starts a new one. */
    void fetchFailed() {
        fetch.set(0);
    }

    /** Called by the reader when done; true if it was asked meanwhile to read once more. */
    boolean fetchAgain() {
        while (true) {
            if (fetch.compareAndSet(2, 1)) {
                return true;
            }
            if (fetch.compareAndSet(1, 0) || fetch.get() == 0) {
                return false;
            }
        }
    }

    private void drain() {
        List<OutboundEvent> ready = new ArrayList<>();
        OutboundEvent next;
        while ((next = pending.get(delivered + 1)) != null) {
            pending.remove(next.seq());
            delivered = next.seq();
            ready.add(next);
        }
        if (ready.isEmpty()) {
            return;
        }
        List<OutboundEvent> events = List.copyOf(ready);
        byEventLoop.forEach((loop, group) -> loop.execute(() -> {
            for (Subscriber subscriber : group) {
                subscriber.accept(events);
            }
        }));
    }
}
