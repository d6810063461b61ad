package io.sitroom.tracker;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.sitroom.action.ActionEvent;
import io.sitroom.action.ActionItem;
import io.sitroom.role.Role;
import io.sitroom.room.Authority;
import io.sitroom.room.CommandContext;
import io.sitroom.room.CommandType;
import io.sitroom.room.EventPayload;
import io.sitroom.room.NewEvent;
import io.sitroom.room.Phase;
import io.sitroom.room.RecordedEvent;
import io.sitroom.room.Room;
import io.sitroom.room.RoomFeature;
import io.sitroom.room.RoomKind;
import io.sitroom.room.Viewer;

/**
 * Follow-up sync: an incident's actions linked to issues in GitHub or Jira. The room records that a link was
 * asked for; the {@link LinkWorker} creates the issue outside the room's transaction and appends the outcome;
 * the tracker's webhook ({@link TrackerWebhooks}) appends the state.
 */
@ApplicationScoped
public class TrackerFeature implements RoomFeature {

    /** Whoever may change the action (its owner by name or role, the incident commander) may link it; incidents only. */
    public static final CommandType<TrackerCommand.Track> TRACK = new CommandType<>("action.track", TrackerCommand.Track.class,
            Authority.in(RoomKind.INCIDENT, Role.INCIDENT_COMMANDER).orByContent(), TrackerFeature::track);

    /** An action's link as clients see it (the snapshot's {@code actionLinks}); {@code key} and {@code url} once linked, {@code error} once failed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LinkView(UUID actionId, UUID trackerId, String tracker, String kind, String status, String key, String url,
            String remoteState, String error, long requestedSeq) {
    }

    @Override
    public List<CommandType<?>> commandTypes() {
        return List.of(TRACK);
    }

    @Override
    public List<Class<? extends EventPayload>> eventTypes() {
        return List.of(TrackerEvent.class);
    }

    private static List<NewEvent> track(TrackerCommand.Track c, CommandContext context) {
        ActionItem item = ActionItem.inRoom(context.room().id(), c.actionId());
        Tracker tracker = Tracker.active(c.trackerId());
        TrackerLink link = TrackerLink.of(c.actionId(), c.trackerId());
        return TrackerDecider.track(c, context, item == null ? null : item.toState(), tracker == null ? null : ref(tracker),
                link == null ? null : state(link));
    }

    static TrackerDecider.TrackerRef ref(Tracker tracker) {
        return new TrackerDecider.TrackerRef(tracker.id, tracker.name, tracker.kind, tracker.closeCompletes);
    }

    static TrackerDecider.LinkState state(TrackerLink link) {
        return new TrackerDecider.LinkState(link.status, link.remoteKey, link.remoteState);
    }

    @Override
    public void project(Room room, RecordedEvent event) {
        if (!(event.payload() instanceof TrackerEvent payload)) {
            return;
        }
        TrackerLink link = TrackerLink.of(payload.actionId(), payload.trackerId());
        if (payload instanceof TrackerEvent.LinkRequested) {
            boolean fresh = link == null;
            if (fresh) {
                link = new TrackerLink();
                link.actionId = payload.actionId();
                link.trackerId = payload.trackerId();
                link.roomId = room.id;
            }
            link.requestedSeq = event.seq();
            link.status = TrackerLink.REQUESTED;
            link.attempts = 0;
            link.nextAttemptAt = event.at();
            link.remoteId = null;
            link.remoteKey = null;
            link.remoteUrl = null;
            link.remoteState = null;
            link.lastError = null;
            link.requestedAt = event.at();
            link.updatedAt = event.at();
            if (fresh) {
                link.persist();
            }
            return;
        }
        if (link == null) {
            return;
        }
        link.updatedAt = event.at();
        if (payload instanceof TrackerEvent.Linked linked) {
            link.status = TrackerLink.LINKED;
            link.remoteKey = linked.key();
            link.remoteUrl = linked.url();
            link.nextAttemptAt = null;
            link.lastError = null;
        } else if (payload instanceof TrackerEvent.LinkFailed failed) {
            link.status = TrackerLink.FAILED;
            link.nextAttemptAt = null;
            link.lastError = failed.reason();
        } else if (payload instanceof TrackerEvent.RemoteState state) {
            link.remoteState = state.state();
        }
    }

    /** An action created while an incident is in its post-incident phase is linked to every tracker that asks for those. */
    @Override
    public List<NewEvent> react(Room room, List<RecordedEvent> appended, Instant now) {
        boolean postIncident = room.kind == RoomKind.INCIDENT && Phase.POST_INCIDENT.equals(room.phase);
        if (!postIncident) {
            return List.of();
        }
        List<TrackerDecider.TrackerRef> automatic = null;
        List<NewEvent> result = new ArrayList<>();
        for (RecordedEvent event : appended) {
            if (event.payload() instanceof ActionEvent.Created created) {
                if (automatic == null) {
                    automatic = Tracker.<Tracker> list("createForPostIncident = true and removedAt is null").stream()
                            .sorted(Comparator.comparing((Tracker t) -> t.createdAt).thenComparing(t -> t.id)).map(TrackerFeature::ref).toList();
                }
                result.addAll(TrackerDecider.automatic(created.actionId(), true, automatic));
            }
        }
        return result;
    }

    @Override
    public void addToSnapshot(UUID roomId, Viewer viewer, Map<String, Object> sections) {
        sections.put("actionLinks", links(roomId));
    }

    static List<LinkView> links(UUID roomId) {
        List<TrackerLink> links = TrackerLink.list("roomId", roomId);
        return links.stream().sorted(Comparator.comparingLong((TrackerLink l) -> l.requestedSeq)).map(link -> {
            Tracker tracker = Tracker.findById(link.trackerId);
            boolean linked = TrackerLink.LINKED.equals(link.status);
            return new LinkView(link.actionId, link.trackerId, tracker.name, tracker.kind.wire(), link.status, linked ? link.remoteKey : null,
                    linked ? link.remoteUrl : null, link.remoteState, TrackerLink.FAILED.equals(link.status) ? link.lastError : null,
                    link.requestedSeq);
        }).toList();
    }
}
