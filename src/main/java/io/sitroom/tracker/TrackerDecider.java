package io.sitroom.tracker;

import java.util.List;
import java.util.UUID;

import io.sitroom.action.ActionDecider;
import io.sitroom.action.ActionState;
import io.sitroom.action.ActionStatus;
import io.sitroom.action.ActionEvent;
import io.sitroom.error.SitroomException;
import io.sitroom.room.CommandContext;
import io.sitroom.room.NewEvent;

/** Links between actions and tracker issues: who may ask, what a remote state causes. Pure. */
public final class TrackerDecider {

    private TrackerDecider() {
    }

    /** A tracker as the decider sees it. */
    public record TrackerRef(UUID id, String name, TrackerKind kind, boolean closeCompletes) {
    }

    /** An action's link to one tracker as it stands: its status and remote key and state (null when none yet). */
    public record LinkState(String status, String key, String remoteState) {
    }

    public static List<NewEvent> track(TrackerCommand.Track c, CommandContext context, ActionState action, TrackerRef tracker, LinkState link) {
        if (action == null) {
            throw SitroomException.notFound("no such action in this room");
        }
        ActionDecider.requireEditor(context, action, "link it to a tracker");
        if (tracker == null) {
            throw SitroomException.notFound("no tracker " + c.trackerId() + " is configured");
        }
        if (link != null && TrackerLink.REQUESTED.equals(link.status())) {
            throw SitroomException.conflict("the action is already being linked to " + tracker.name());
        }
        if (link != null && TrackerLink.LINKED.equals(link.status())) {
            throw SitroomException.conflict("the action is already linked to " + link.key() + " in " + tracker.name());
        }
        return List.of(NewEvent.forEveryone(new TrackerEvent.LinkRequested(action.id(), tracker.id(), tracker.name(), tracker.kind(), false)));
    }

    /** The links a new action gets by itself: one per tracker that links every post-incident action, while the incident is in that phase. */
    public static List<NewEvent> automatic(UUID actionId, boolean postIncident, List<TrackerRef> automaticTrackers) {
        if (!postIncident) {
            return List.of();
        }
        return automaticTrackers.stream()
                .map(t -> NewEvent.forEveryone(new TrackerEvent.LinkRequested(actionId, t.id(), t.name(), t.kind(), true))).toList();
    }

    /**
     * What a state reported by the tracker appends: the state, when it differs from the one last recorded; and, when
     * the tracker completes actions and the issue was closed as done, the action's completion.
     */
    public static List<NewEvent> remoteState(ActionState action, TrackerRef tracker, LinkState link, RemoteStates.Change change) {
        if (change.state().equals(link.remoteState())) {
            return List.of();
        }
        TrackerEvent.RemoteState state = new TrackerEvent.RemoteState(action.id(), tracker.id(), link.key(), change.state(), change.status(),
                change.closed());
        if (tracker.closeCompletes() && change.completed() && !action.status().closed()) {
            return List.of(NewEvent.forEveryone(state), NewEvent.forEveryone(new ActionEvent.Updated(action.id(), action.status(),
                    ActionStatus.DONE, "closed in " + tracker.name() + " as " + link.key())));
        }
        return List.of(NewEvent.forEveryone(state));
    }
}
