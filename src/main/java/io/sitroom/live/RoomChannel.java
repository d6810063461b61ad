package io.sitroom.live;

import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * The live stream of one room on this node. Transactions commit in seq order but announce on
 * their own threads, so announcements can arrive out of order: the channel holds them until the
 * stream is contiguous, and reports a gap that does not close by itself so it can be read from
 * the log.
 */
final class RoomChannel {

    private final UUID roomId;
    private final Set<Subscriber> subscribers = new CopyOnWriteArraySet<>();
    private final TreeMap<Long, OutboundEvent> pending = new TreeMap<>();
    /** The last seq passed to subscribers; -1 until the first subscriber tells where the stream starts. */
    private long delivered = -1;

    RoomChannel(UUID roomId) {
        this.roomId = roomId;
    }

    UUID roomId() {
        return roomId;
    }

    void add(Subscriber subscriber) {
        subscribers.add(subscriber);
    }

    void remove(Subscriber subscriber) {
        subscribers.remove(subscriber);
    }

    boolean isEmpty() {
        return subscribers.isEmpty();
    }

    int size() {
        return subscribers.size();
    }

    /** The head a new subscriber read from the log; starts the stream there if it had not started. */
    synchronized void startAt(long head) {
        if (delivered < 0) {
            delivered = head;
            pending.headMap(head, true).clear();
            drain();
        }
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

    private void drain() {
        OutboundEvent next;
        while ((next = pending.get(delivered + 1)) != null) {
            pending.remove(next.seq());
            delivered = next.seq();
            for (Subscriber subscriber : subscribers) {
                subscriber.accept(next);
            }
        }
    }
}
