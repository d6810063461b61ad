package io.sitroom.erasure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.sitroom.error.ErrorCode;
import io.sitroom.error.SitroomException;
import io.sitroom.role.Role;
import io.sitroom.room.Member;
import io.sitroom.room.NewEvent;

class ErasureDeciderTest {

    private static final UUID LEGAL = UUID.randomUUID();
    private static final UUID ADMIN = UUID.randomUUID();
    private static final ErasureDecider.Target NOTE = new ErasureDecider.Target(7, "note.added", true, false);
    private static final ErasureCommand.Request REQUEST = new ErasureCommand.Request(7, "GDPR art. 17 request #42");

    private static ErasureState pending() {
        return new ErasureState(UUID.randomUUID(), UUID.randomUUID(), 7, "note.added", "GDPR art. 17 request #42", LEGAL, "Lea",
                ErasureState.Status.PENDING);
    }

    private static ErrorCode refusal(Runnable decision) {
        return assertThrows(SitroomException.class, decision::run).code();
    }

    @Test
    void aNoteOfAVersion2Room_mayBeRequested_forEveryoneToSee() {
        UUID id = UUID.randomUUID();
        List<NewEvent> events = ErasureDecider.request(REQUEST, 2, false, NOTE, false, id);
        assertEquals(List.of(NewEvent.forEveryone(new ErasureEvent.Requested(id, 7, "note.added", "GDPR art. 17 request #42"))), events);
    }

    @Test
    void aRequestIsRefused_forAVersion1Room_aHold_anErasedOrDependedOnEvent_aPendingOne_andAnEventTheRequesterCannotSee() {
        UUID id = UUID.randomUUID();
        assertEquals(ErrorCode.CONFLICT, refusal(() -> ErasureDecider.request(REQUEST, 1, false, NOTE, false, id)));
        assertEquals(ErrorCode.CONFLICT, refusal(() -> ErasureDecider.request(REQUEST, 2, true, NOTE, false, id)));
        assertEquals(ErrorCode.CONFLICT, refusal(() -> ErasureDecider.request(REQUEST, 2, false,
                new ErasureDecider.Target(7, "note.added", true, true), false, id)));
        assertEquals(ErrorCode.CONFLICT, refusal(() -> ErasureDecider.request(REQUEST, 2, false,
                new ErasureDecider.Target(7, "decision.proposed", false, false), false, id)));
        assertEquals(ErrorCode.CONFLICT, refusal(() -> ErasureDecider.request(REQUEST, 2, false, NOTE, true, id)));
        // Absent and hidden read the same: a request cannot probe for events the requester may not see.
        assertEquals(ErrorCode.NOT_FOUND, refusal(() -> ErasureDecider.request(REQUEST, 2, false, null, false, id)));
    }

    @Test
    void approval_erasesForEveryone_namingWhoRequested() {
        ErasureState request = pending();
        List<NewEvent> events = ErasureDecider.approve(request, new Member(ADMIN, "Admin", Set.of()), false);
        assertEquals(List.of(NewEvent.forEveryone(new ErasureEvent.Erased(request.id(), 7, "note.added", "GDPR art. 17 request #42", LEGAL,
                "Lea"))), events);
        assertTrue(events.get(0).payload() instanceof io.sitroom.room.ErasesContent erases && erases.seq() == 7);
    }

    @Test
    void twoPersonRule_theRequesterCannotApprove_evenAsAdmin() {
        SitroomException refused = assertThrows(SitroomException.class,
                () -> ErasureDecider.approve(pending(), new Member(LEGAL, "Lea", Set.of(Role.LEGAL)), false));
        assertEquals(ErrorCode.FORBIDDEN, refused.code());
        assertTrue(refused.getMessage().contains("two-person rule"), refused.getMessage());
    }

    @Test
    void aHoldBlocksApproval_andADecidedRequestIsNotDecidedAgain() {
        assertEquals(ErrorCode.CONFLICT, refusal(() -> ErasureDecider.approve(pending(), new Member(ADMIN, "Admin", Set.of()), true)));
        ErasureState erased = new ErasureState(UUID.randomUUID(), UUID.randomUUID(), 7, "note.added", "r", LEGAL, "Lea",
                ErasureState.Status.ERASED);
        assertEquals(ErrorCode.CONFLICT, refusal(() -> ErasureDecider.approve(erased, new Member(ADMIN, "Admin", Set.of()), false)));
        assertEquals(ErrorCode.CONFLICT, refusal(() -> ErasureDecider.reject(erased, "no")));
    }

    @Test
    void holdsArePlacedAndReleasedOnce() {
        assertEquals(List.of(NewEvent.forEveryone(new ErasureEvent.HoldPlaced("litigation"))),
                ErasureDecider.placeHold(new ErasureCommand.PlaceHold("litigation"), false));
        assertEquals(ErrorCode.CONFLICT, refusal(() -> ErasureDecider.placeHold(new ErasureCommand.PlaceHold("again"), true)));
        assertEquals(List.of(NewEvent.forEveryone(new ErasureEvent.HoldReleased("settled"))),
                ErasureDecider.releaseHold(new ErasureCommand.ReleaseHold("settled"), true));
        assertEquals(ErrorCode.CONFLICT, refusal(() -> ErasureDecider.releaseHold(new ErasureCommand.ReleaseHold("settled"), false)));
    }
}
