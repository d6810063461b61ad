package io.sitroom.erasure;

import java.util.List;
import java.util.UUID;

import io.sitroom.error.SitroomException;
import io.sitroom.room.Member;
import io.sitroom.room.NewEvent;

/**
 * The rules of erasure and legal hold (docs/protocol.md, "Erasure and legal hold"). Legal asks for an event's
 * content to be erased, with a reason; the admin, someone else (two people), approves or rejects it. Only a
 * version-2 room can erase anything (its chain hashes commitments, not content); only content that nothing
 * depends on can go ({@link io.sitroom.room.Erasable}); nothing goes while the room is under legal hold. Pure.
 */
final class ErasureDecider {

    static final String HELD = "the room is under legal hold: nothing of it may be erased until the hold is released";

    private ErasureDecider() {
    }

    /**
     * The event a request names, as the requester may know it: null when the room has no such event or the
     * requester may not see it (the same answer, so a request cannot probe for hidden events).
     */
    record Target(long seq, String kind, boolean erasable, boolean erased) {
    }

    static List<NewEvent> request(ErasureCommand.Request c, int chainVersion, boolean held, Target target, boolean pending, UUID newId) {
        if (target == null) {
            throw SitroomException.notFound("no event " + c.seq() + " in this room");
        }
        if (chainVersion < 2) {
            throw SitroomException.conflict("this room was opened before erasure existed: its chain (version 1) hashes every event's "
                    + "content itself, so none can be erased without breaking it");
        }
        if (held) {
            throw SitroomException.conflict(HELD);
        }
        if (target.erased()) {
            throw SitroomException.conflict("the content of event " + c.seq() + " is already erased");
        }
        if (!target.erasable()) {
            throw SitroomException.conflict("an event of kind " + target.kind() + " cannot be erased: the room's state depends on it "
                    + "(notes can be)");
        }
        if (pending) {
            throw SitroomException.conflict("an erasure of event " + c.seq() + " is already waiting for the admin");
        }
        return List.of(NewEvent.forEveryone(new ErasureEvent.Requested(newId, c.seq(), target.kind(), c.reason())));
    }

    /** The admin's approval: the two-person rule, then the hold, then {@code event.erased}. */
    static List<NewEvent> approve(ErasureState request, Member approver, boolean held) {
        requirePending(request);
        if (approver.userId().equals(request.requestedBy())) {
            throw SitroomException.forbidden("two-person rule: an erasure is approved by someone other than who requested it");
        }
        if (held) {
            throw SitroomException.conflict(HELD);
        }
        return List.of(NewEvent.forEveryone(new ErasureEvent.Erased(request.id(), request.seq(), request.kind(), request.reason(),
                request.requestedBy(), request.requestedByName())));
    }

    static List<NewEvent> reject(ErasureState request, String reason) {
        requirePending(request);
        return List.of(NewEvent.forEveryone(new ErasureEvent.Rejected(request.id(), request.seq(), reason)));
    }

    static List<NewEvent> placeHold(ErasureCommand.PlaceHold c, boolean held) {
        if (held) {
            throw SitroomException.conflict("the room is already under legal hold");
        }
        return List.of(NewEvent.forEveryone(new ErasureEvent.HoldPlaced(c.reason())));
    }

    static List<NewEvent> releaseHold(ErasureCommand.ReleaseHold c, boolean held) {
        if (!held) {
            throw SitroomException.conflict("the room is not under legal hold");
        }
        return List.of(NewEvent.forEveryone(new ErasureEvent.HoldReleased(c.reason())));
    }

    private static void requirePending(ErasureState request) {
        if (request.status() != ErasureState.Status.PENDING) {
            throw SitroomException.conflict("this erasure request is " + request.status().wire() + " already");
        }
    }
}
