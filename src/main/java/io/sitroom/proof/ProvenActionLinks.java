package io.sitroom.proof;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sitroom.tracker.TrackerEvent;

/**
 * The room's links of actions to issue trackers ({@code room.actionLinks}) as {@code TrackerFeature} projects and
 * shows them: one per action and tracker, asked for again after a failure, in the order they were (last) asked
 * for; the key and address once linked, the reason once failed, the tracker's last reported state. Every
 * link event is recorded for everyone, as the action is.
 */
final class ProvenActionLinks {

    private final Map<String, Link> links = new LinkedHashMap<>();

    void apply(Fact fact, TrackerEvent event) {
        String key = event.actionId() + "/" + event.trackerId();
        if (event instanceof TrackerEvent.LinkRequested requested) {
            links.put(key, new Link(requested, fact.seq()));
            return;
        }
        Link link = links.get(key);
        if (link == null) {
            return;
        }
        if (event instanceof TrackerEvent.Linked linked) {
            link.status = "linked";
            link.key = linked.key();
            link.url = linked.url();
            link.error = null;
        } else if (event instanceof TrackerEvent.LinkFailed failed) {
            link.status = "failed";
            link.error = failed.reason();
        } else if (event instanceof TrackerEvent.RemoteState state) {
            link.remoteState = state.state();
        }
    }

    List<Map<String, Object>> json() {
        return links.values().stream().sorted(Comparator.comparingLong(l -> l.requestedSeq)).map(Link::json).toList();
    }

    private static final class Link {
        final TrackerEvent.LinkRequested requested;
        final long requestedSeq;
        String status = "requested";
        String key;
        String url;
        String remoteState;
        String error;

        Link(TrackerEvent.LinkRequested requested, long requestedSeq) {
            this.requested = requested;
            this.requestedSeq = requestedSeq;
        }

        Map<String, Object> json() {
            boolean linked = status.equals("linked");
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("actionId", requested.actionId().toString());
            json.put("trackerId", requested.trackerId().toString());
            json.put("tracker", requested.tracker());
            json.put("kind", requested.kind().wire());
            json.put("status", status);
            json.put("key", linked ? key : null);
            json.put("url", linked ? url : null);
            json.put("remoteState", remoteState);
            json.put("error", status.equals("failed") ? error : null);
            json.put("requestedSeq", requestedSeq);
            return json;
        }
    }
}
