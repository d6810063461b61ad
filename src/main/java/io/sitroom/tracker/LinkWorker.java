package io.sitroom.tracker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.scheduler.Scheduled;
import io.sitroom.action.ActionItem;
import io.sitroom.error.ErrorCode;
import io.sitroom.error.OutageLog;
import io.sitroom.error.SitroomException;
import io.sitroom.room.Admission;
import io.sitroom.room.AppendListener;
import io.sitroom.room.LockedRoom;
import io.sitroom.room.NewEvent;
import io.sitroom.room.RecordedEvent;
import io.sitroom.room.RoomWriter;

/**
 * Creates the issues that links were asked for, off the rooms' threads and outside their transactions (a tracker
 * is slow and fallible), and appends the outcome through the room's unit of work. The queue is the
 * {@code tracker_link} table, written in the transaction that appended {@code action.link_requested}: nothing
 * asked for is lost across restarts. A link is claimed by moving its next attempt past the call (compare-and-set),
 * so one node calls the tracker for it at a time. Once the tracker answered with an issue, its key is kept in the
 * row before {@code action.linked} is appended: a retry after a failed append appends the same issue, never
 * creates a second. Failures that may pass (no answer, 408, 429, 5xx) are retried with exponential backoff;
 * after {@code sitroom.trackers.max-attempts}, or on a refusal (other 4xx), {@code action.link_failed} is appended.
 */
@ApplicationScoped
public class LinkWorker implements AppendListener {

    private static final Logger LOG = Logger.getLogger(LinkWorker.class);
    private final OutageLog outage = new OutageLog(LOG, "tracker links");
    /** How long an attempt is claimed by the node making it: longer than a call can take. */
    static final Duration CLAIM = TrackerClient.CONNECT_TIMEOUT.plus(TrackerClient.RESPONSE_TIMEOUT).multipliedBy(4);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(10);
    /** A closed room takes no event; its link waits for the room to be reopened, looked at again this often. */
    static final Duration CLOSED_ROOM_WAIT = Duration.ofMinutes(10);
    private static final int BATCH = 50;

    private final Clock clock;
    private final RoomWriter writer;
    private final TrackerClient client;
    private final TrackerSecrets secrets;
    private final TrackerConfig config;
    private final ExecutorService kick = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sitroom-tracker-links");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean kicked = new AtomicBoolean();

    public LinkWorker(Clock clock, RoomWriter writer, TrackerClient client, TrackerSecrets secrets, TrackerConfig config) {
        this.clock = clock;
        this.writer = writer;
        this.client = client;
        this.secrets = secrets;
        this.config = config;
    }

    /** A link just asked for is worked on soon, not at the next poll; never on the committing thread. */
    @Override
    public void appended(UUID roomId, List<RecordedEvent> events) {
        if (events.stream().anyMatch(e -> e.payload() instanceof TrackerEvent.LinkRequested)) {
            kick();
        }
    }

    void kick() {
        if (kicked.compareAndSet(false, true)) {
            kick.execute(() -> {
                kicked.set(false);
                work();
            });
        }
    }

    @Scheduled(every = "${sitroom.trackers.poll-interval:2s}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        work();
    }

    /** What one attempt needs, read and claimed in one transaction. {@code failure}: a reason to give up without calling. */
    private record Prepared(TrackerLink.Key key, UUID roomId, int attempts, Tracker tracker, TrackerSecrets.Credentials credentials,
            IssueRequests.Content content, IssueRequests.Created created, String failure) {
    }

    /** Works on every link that is due; returns how many were linked. */
    public synchronized int work() {
        List<TrackerLink.Key> due;
        try {
            due = QuarkusTransaction.requiringNew().call(() -> TrackerLink.<TrackerLink> find("status = ?1 and nextAttemptAt <= ?2",
                    Sort.ascending("nextAttemptAt"), TrackerLink.REQUESTED, clock.instant()).page(0, BATCH).list().stream()
                    .map(l -> new TrackerLink.Key(l.actionId, l.trackerId)).toList());
            outage.succeeded();
        } catch (RuntimeException e) {
            if (!outage.failed(e)) {
                LOG.warnf("tracker links could not be read: %s", e.getMessage());
            }
            return 0;
        }
        int linked = 0;
        for (TrackerLink.Key key : due) {
            try {
                Prepared prepared = QuarkusTransaction.requiringNew().call(() -> prepare(key));
                if (prepared != null && attempt(prepared)) {
                    linked++;
                }
            } catch (RuntimeException e) {
                LOG.warnf("the link of action %s to tracker %s: %s", key.actionId(), key.trackerId(), e.getMessage());
            }
        }
        return linked;
    }

    private Prepared prepare(TrackerLink.Key key) {
        TrackerLink link = TrackerLink.findById(key);
        Instant now = clock.instant();
        if (link == null || !TrackerLink.REQUESTED.equals(link.status) || link.nextAttemptAt == null || link.nextAttemptAt.isAfter(now)) {
            return null;
        }
        int claimed = TrackerLink.update("nextAttemptAt = ?1 where actionId = ?2 and trackerId = ?3 and status = ?4 and nextAttemptAt = ?5",
                now.plus(CLAIM), key.actionId(), key.trackerId(), TrackerLink.REQUESTED, link.nextAttemptAt);
        if (claimed != 1) {
            return null;
        }
        IssueRequests.Created created = link.remoteKey == null ? null
                : new IssueRequests.Created(link.remoteId, link.remoteKey, link.remoteUrl, link.remoteState);
        Tracker tracker = Tracker.findById(key.trackerId());
        ActionItem action = ActionItem.findById(key.actionId());
        if (created == null && (tracker == null || !tracker.active())) {
            return new Prepared(key, link.roomId, link.attempts, null, null, null, null, "the tracker was removed");
        }
        if (created == null && action == null) {
            return new Prepared(key, link.roomId, link.attempts, null, null, null, null, "the action no longer exists");
        }
        if (created == null && !secrets.configured()) {
            return new Prepared(key, link.roomId, link.attempts, null, null, null, null, "sitroom.trackers.key is not set on this server");
        }
        IssueRequests.Content content = created != null ? null
                : new IssueRequests.Content(action.id, action.roomId, action.title, action.ownerName != null ? action.ownerName
                        : action.ownerRole != null ? action.ownerRole.wire() : null, action.dueAt,
                        IssueRequests.roomLink(config.publicUrl().orElse(null), action.roomId));
        return new Prepared(key, link.roomId, link.attempts, tracker, created != null ? null : secrets.openCredentials(tracker), content,
                created, null);
    }

    private boolean attempt(Prepared prepared) {
        if (prepared.failure() != null) {
            append(prepared, new TrackerEvent.LinkFailed(prepared.key().actionId(), prepared.key().trackerId(), prepared.failure()));
            return false;
        }
        IssueRequests.Created created = prepared.created();
        if (created == null) {
            try {
                // An earlier attempt failed without a clear refusal: the tracker may have made the issue all the same.
                if (prepared.attempts() > 0) {
                    created = client.find(prepared.tracker(), prepared.credentials(), prepared.key().actionId()).orElse(null);
                }
                if (created == null) {
                    created = client.create(prepared.tracker(), prepared.credentials(), prepared.content());
                }
            } catch (TrackerClient.Failure failure) {
                int attempts = prepared.attempts() + 1;
                if (failure.retry() && attempts < Math.max(1, config.maxAttempts())) {
                    retryLater(prepared.key(), attempts, backoff(attempts), failure.getMessage());
                } else {
                    String reason = failure.retry() ? "gave up after " + attempts + " attempts: " + failure.getMessage() : failure.getMessage();
                    append(prepared, new TrackerEvent.LinkFailed(prepared.key().actionId(), prepared.key().trackerId(), reason));
                }
                return false;
            }
            IssueRequests.Created kept = created;
            // The idempotency marker: from here on a retry appends this issue and never creates another.
            QuarkusTransaction.requiringNew().run(() -> {
                TrackerLink link = TrackerLink.findById(prepared.key());
                link.remoteId = kept.id();
                link.remoteKey = kept.key();
                link.remoteUrl = kept.url();
                link.attempts = prepared.attempts() + 1;
            });
        }
        return append(prepared, new TrackerEvent.Linked(prepared.key().actionId(), prepared.key().trackerId(), created.key(), created.url()));
    }

    /** Appends the outcome, if the link still waits for one; a closed room keeps it waiting until it is reopened. */
    private boolean append(Prepared prepared, TrackerEvent outcome) {
        try {
            Boolean appended = writer.run(prepared.roomId(), (LockedRoom locked) -> {
                locked.admit(new Admission.Source.Server("tracker link"));
                TrackerLink link = TrackerLink.findById(prepared.key());
                if (link == null || !TrackerLink.REQUESTED.equals(link.status)) {
                    return false;
                }
                locked.append(null, null, List.of(NewEvent.forEveryone(outcome)));
                return true;
            });
            return Boolean.TRUE.equals(appended) && outcome instanceof TrackerEvent.Linked;
        } catch (SitroomException refused) {
            if (refused.code() != ErrorCode.CONFLICT) {
                throw refused;
            }
            retryLater(prepared.key(), prepared.attempts(), CLOSED_ROOM_WAIT, refused.getMessage());
            return false;
        } catch (RuntimeException e) {
            retryLater(prepared.key(), prepared.attempts(), backoff(Math.max(1, prepared.attempts())), "not recorded: " + e.getMessage());
            return false;
        }
    }

    private void retryLater(TrackerLink.Key key, int attempts, Duration wait, String error) {
        QuarkusTransaction.requiringNew().run(() -> {
            TrackerLink link = TrackerLink.findById(key);
            if (link == null || !TrackerLink.REQUESTED.equals(link.status)) {
                return;
            }
            link.attempts = Math.max(link.attempts, attempts);
            link.nextAttemptAt = clock.instant().plus(wait);
            link.lastError = error == null ? null : error.length() > 500 ? error.substring(0, 500) : error;
        });
    }

    /** The wait after the {@code attempts}-th failed attempt: the first retry's wait, doubled each time, at most 10 minutes. */
    Duration backoff(int attempts) {
        Duration wait = config.firstRetry().multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    @PreDestroy
    void stop() {
        kick.shutdownNow();
    }
}
