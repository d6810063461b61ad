package io.sitroom.tracker;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.sitroom.action.ActionItem;
import io.sitroom.error.ErrorCode;
import io.sitroom.error.SitroomException;
import io.sitroom.room.Admission;
import io.sitroom.room.NewEvent;
import io.sitroom.room.RoomWriter;

/**
 * A tracker's webhook: the signature checked against the tracker's secret over the raw body (GitHub's
 * {@code X-Hub-Signature-256}, Jira's {@code X-Hub-Signature}), then the state appended to its linked
 * action through the room's unit of work. A delivery about an issue no action is linked to, or about
 * something else, is accepted and ignored.
 */
@ApplicationScoped
public class TrackerWebhooks {

    private static final Logger LOG = Logger.getLogger(TrackerWebhooks.class);

    /** What became of a delivery. */
    public record Outcome(String result, String key, UUID actionId) {
        static Outcome ignored(String why) {
            return new Outcome("ignored: " + why, null, null);
        }
    }

    /** The signature does not verify (or the tracker is unknown): answered 401, nothing recorded. */
    public static final class Unsigned extends RuntimeException {
        Unsigned() {
            super("the signature does not verify", null, false, false);
        }
    }

    private record Target(UUID roomId, UUID actionId, TrackerDecider.TrackerRef tracker) {
    }

    private final ObjectMapper mapper;
    private final TrackerSecrets secrets;
    private final RoomWriter writer;

    public TrackerWebhooks(ObjectMapper mapper, TrackerSecrets secrets, RoomWriter writer) {
        this.mapper = mapper;
        this.secrets = secrets;
        this.writer = writer;
    }

    /**
     * @param hubSignature256 GitHub's {@code X-Hub-Signature-256}
     * @param hubSignature    Jira's {@code X-Hub-Signature}
     * @param event           GitHub's {@code X-GitHub-Event}
     */
    public Outcome receive(UUID trackerId, byte[] body, String hubSignature256, String hubSignature, String event) {
        Tracker tracker = QuarkusTransaction.requiringNew().call(() -> Tracker.active(trackerId));
        if (tracker == null || !secrets.configured()) {
            throw new Unsigned();
        }
        String signature = tracker.kind == TrackerKind.GITHUB ? hubSignature256 : hubSignature;
        if (!Signatures.verify(secrets.openWebhookSecret(tracker), body == null ? new byte[0] : body, signature)) {
            LOG.infof("tracker %s: a webhook delivery whose signature does not verify was refused", trackerId);
            throw new Unsigned();
        }
        JsonNode json;
        try {
            json = body == null || body.length == 0 ? null : mapper.readTree(body);
        } catch (IOException e) {
            throw SitroomException.invalid("the body is not JSON");
        }
        if (json == null || !json.isObject()) {
            throw SitroomException.invalid("the body must be a JSON object");
        }
        Optional<RemoteStates.Change> change = tracker.kind == TrackerKind.GITHUB ? RemoteStates.github(event, json) : RemoteStates.jira(json);
        if (change.isEmpty()) {
            return Outcome.ignored("not a state change of an issue");
        }
        RemoteStates.Change state = change.get();
        Target target = QuarkusTransaction.requiringNew().call(() -> {
            TrackerLink link = TrackerLink.byRemoteKey(trackerId, state.key());
            return link == null || !TrackerLink.LINKED.equals(link.status) ? null
                    : new Target(link.roomId, link.actionId, TrackerFeature.ref(tracker));
        });
        if (target == null) {
            return Outcome.ignored("no action is linked to " + state.key());
        }
        try {
            return writer.run(target.roomId(), locked -> {
                locked.admit(new Admission.Source.Server("tracker webhook"));
                TrackerLink link = TrackerLink.of(target.actionId(), trackerId);
                ActionItem action = ActionItem.findById(target.actionId());
                if (link == null || action == null || !TrackerLink.LINKED.equals(link.status)) {
                    return Outcome.ignored("no action is linked to " + state.key());
                }
                List<NewEvent> events = TrackerDecider.remoteState(action.toState(), target.tracker(), TrackerFeature.state(link), state);
                if (events.isEmpty()) {
                    return new Outcome("unchanged", state.key(), target.actionId());
                }
                locked.append(null, null, events);
                return new Outcome("recorded", state.key(), target.actionId());
            });
        } catch (SitroomException refused) {
            if (refused.code() == ErrorCode.CONFLICT) {
                return Outcome.ignored("the room is closed");
            }
            throw refused;
        }
    }
}
