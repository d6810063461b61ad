package io.sitroom.tracker;

import static io.sitroom.room.DeciderFixtures.IC;
import static io.sitroom.room.DeciderFixtures.LEGAL;
import static io.sitroom.room.DeciderFixtures.OBSERVER;
import static io.sitroom.room.DeciderFixtures.incident;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.sitroom.action.ActionEvent;
import io.sitroom.action.ActionState;
import io.sitroom.action.ActionStatus;
import io.sitroom.error.ErrorCode;
import io.sitroom.error.SitroomException;
import io.sitroom.role.Role;

class TrackerDeciderTest {

    private static final UUID A = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID T = UUID.fromString("00000000-0000-0000-0000-0000000000f1");
    private static final TrackerDecider.TrackerRef GITHUB = new TrackerDecider.TrackerRef(T, "Ops repo", TrackerKind.GITHUB, true);
    private static final ActionState OWNED_BY_LEGAL = new ActionState(A, "Rotate keys", null, Role.LEGAL, null, ActionStatus.OPEN, false);
    private static final TrackerCommand.Track TRACK = new TrackerCommand.Track(A, T);

    private static ErrorCode refusal(Runnable decision) {
        return assertThrows(SitroomException.class, decision::run).code();
    }

    @Test
    void track_isForTheActionsOwner_orTheIc() {
        var requested = (TrackerEvent.LinkRequested) TrackerDecider.track(TRACK, TrackerFeature.TRACK.authorize(incident().as(LEGAL)),
                OWNED_BY_LEGAL, GITHUB, null).get(0).payload();
        assertEquals("Ops repo", requested.tracker());
        assertEquals(1, TrackerDecider.track(TRACK, TrackerFeature.TRACK.authorize(incident().as(IC)), OWNED_BY_LEGAL, GITHUB, null).size());
        assertEquals(ErrorCode.FORBIDDEN, refusal(() -> TrackerDecider.track(TRACK, TrackerFeature.TRACK.authorize(incident().as(OBSERVER)),
                OWNED_BY_LEGAL, GITHUB, null)));
    }

    @Test
    void track_refusesAnUnknownActionOrTracker_andASecondLink_butTriesAgainAfterAFailure() {
        var ic = TrackerFeature.TRACK.authorize(incident().as(IC));
        assertEquals(ErrorCode.NOT_FOUND, refusal(() -> TrackerDecider.track(TRACK, ic, null, GITHUB, null)));
        assertEquals(ErrorCode.NOT_FOUND, refusal(() -> TrackerDecider.track(TRACK, ic, OWNED_BY_LEGAL, null, null)));
        assertEquals(ErrorCode.CONFLICT, refusal(() -> TrackerDecider.track(TRACK, ic, OWNED_BY_LEGAL, GITHUB,
                new TrackerDecider.LinkState(TrackerLink.REQUESTED, null, null))));
        assertEquals(ErrorCode.CONFLICT, refusal(() -> TrackerDecider.track(TRACK, ic, OWNED_BY_LEGAL, GITHUB,
                new TrackerDecider.LinkState(TrackerLink.LINKED, "acme/ops#1", null))));
        assertEquals(1, TrackerDecider.track(TRACK, ic, OWNED_BY_LEGAL, GITHUB, new TrackerDecider.LinkState(TrackerLink.FAILED, null, null))
                .size());
    }

    @Test
    void remoteState_recordsChangesOnly_andACloseAsDoneCompletesTheAction_whenTheTrackerSaysSo() {
        var link = new TrackerDecider.LinkState(TrackerLink.LINKED, "acme/ops#1", null);
        var closed = new RemoteStates.Change("acme/ops#1", "closed", "completed", true, true);
        var events = TrackerDecider.remoteState(OWNED_BY_LEGAL, GITHUB, link, closed);
        assertEquals(2, events.size());
        assertEquals(ActionStatus.DONE, ((ActionEvent.Updated) events.get(1).payload()).to());
        assertTrue(TrackerDecider.remoteState(OWNED_BY_LEGAL, GITHUB, new TrackerDecider.LinkState(TrackerLink.LINKED, "acme/ops#1", "closed"),
                closed).isEmpty(), "the same state twice is recorded once");
        var keepsOpen = new TrackerDecider.TrackerRef(T, "Ops repo", TrackerKind.GITHUB, false);
        assertEquals(1, TrackerDecider.remoteState(OWNED_BY_LEGAL, keepsOpen, link, closed).size());
        var notPlanned = new RemoteStates.Change("acme/ops#1", "closed", "not_planned", true, false);
        assertEquals(1, TrackerDecider.remoteState(OWNED_BY_LEGAL, GITHUB, link, notPlanned).size());
        var done = new ActionState(A, "t", null, null, null, ActionStatus.DONE, false);
        assertEquals(1, TrackerDecider.remoteState(done, GITHUB, link, closed).size());
    }

    @Test
    void automatic_linksPostIncidentActions_toEachTrackerThatAsks() {
        assertEquals(List.of(), TrackerDecider.automatic(A, false, List.of(GITHUB)));
        var requested = (TrackerEvent.LinkRequested) TrackerDecider.automatic(A, true, List.of(GITHUB)).get(0).payload();
        assertTrue(requested.automatic());
    }
}
