package io.sitroom.live;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

import io.sitroom.room.RoomSnapshot;

/**
 * The JSON of the snapshots that welcomes carry, encoded once for all the connections handed the same snapshot
 * (members who see a room alike share one per head: a reconnect storm welcomes thousands with a few). Known by
 * identity in a few slots: a snapshot that finds its slot taken by another is encoded again, nothing worse.
 */
final class EncodedSnapshots {

    static final int SLOTS = 64;

    private record Encoded(RoomSnapshot snapshot, String json) {
    }

    private final AtomicReferenceArray<Encoded> slots = new AtomicReferenceArray<>(SLOTS);

    String of(RoomSnapshot snapshot, Function<RoomSnapshot, String> encode) {
        int slot = Math.floorMod(System.identityHashCode(snapshot), SLOTS);
        Encoded known = slots.get(slot);
        if (known != null && known.snapshot() == snapshot) {
            return known.json();
        }
        String json = encode.apply(snapshot);
        slots.set(slot, new Encoded(snapshot, json));
        return json;
    }
}
