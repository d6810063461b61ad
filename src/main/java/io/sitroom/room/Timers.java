package io.sitroom.room;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.sitroom.error.DatabaseUnavailable;
import io.sitroom.error.OutageLog;

/**
 * Fires the timers that fell due, by the application clock: at start (what fell due while the
 * server was down fires once then) and every {@code sitroom.timers.poll-interval}. Each firing is
 * a unit of work of its room: the timer is deleted in the transaction that appends what it caused.
 */
@ApplicationScoped
public class Timers {

    private static final Logger LOG = Logger.getLogger(Timers.class);
    private static final int BATCH = 200;
    private static final Admission.Source TIMER = new Admission.Source.Server("timer");

    private final RoomWriter writer;
    private final Clock clock;
    private final List<RoomFeature> features;
    private final OutageLog outage = new OutageLog(LOG, "timers");

    public Timers(RoomWriter writer, Clock clock, Instance<RoomFeature> features) {
        this.writer = writer;
        this.clock = clock;
        this.features = features.stream().toList();
    }

    void onStart(@Observes StartupEvent event) {
        fireDue();
    }

    @Scheduled(every = "${sitroom.timers.poll-interval:1s}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            fireDue();
            outage.succeeded();
        } catch (RuntimeException e) {
            if (!outage.failed(e)) {
                throw e;
            }
        }
    }

    /** Fires one timer now if it is due (a no-op otherwise); returns whether it appended something. */
    public boolean fire(RoomTimer.Key key) {
        return writer.run(key.roomId(), room -> fire(room, key));
    }

    /**
     * Queues the firing of one timer behind its room's work and returns at once: the future completes
     * with whether it appended something. For callers that fire many rooms' timers from one thread
     * (the exercise pacer), which must not wait for each room's transaction in turn.
     */
    public CompletableFuture<Boolean> submit(RoomTimer.Key key) {
        return writer.submit(key.roomId(), room -> fire(room, key));
    }

    /**
     * Inside the room's unit of work: deletes the timer if it is still due and appends what the
     * owning feature decides. A closed room keeps its timers for when it reopens.
     */
    private boolean fire(LockedRoom room, RoomTimer.Key key) {
        RoomTimer timer = room.exists() ? RoomTimer.<RoomTimer> findById(key) : null;
        if (timer == null || timer.dueAt.isAfter(clock.instant()) || !room.admits(TIMER)) {
            return false;
        }
        timer.delete();
        RoomState state = room.state();
        List<NewEvent> decided = new ArrayList<>();
        for (RoomFeature feature : features) {
            decided.addAll(feature.onTimer(timer, state, EventLog.now(clock)));
        }
        if (decided.isEmpty()) {
            return false;
        }
        room.append(null, null, decided);
        return true;
    }

    /** Fires every timer due now; returns how many appended something. */
    public synchronized int fireDue() {
        int fired = 0;
        java.util.Set<RoomTimer.Key> failed = new java.util.HashSet<>();
        List<RoomTimer.Key> due;
        do {
            due = QuarkusTransaction.requiringNew().call(() -> RoomTimer.dueAt(clock.instant(), BATCH + failed.size()).stream()
                    .map(RoomTimer::key).filter(key -> !failed.contains(key)).toList());
            for (RoomTimer.Key key : due) {
                try {
                    if (fire(key)) {
                        fired++;
                    }
                } catch (RuntimeException e) {
                    if (DatabaseUnavailable.isCause(e)) {
                        throw e;
                    }
                    // One broken timer must not hold up the others; it stays due and is tried on the next poll.
                    LOG.errorf(e, "timer %s could not fire; it stays due and is tried again", key);
                    failed.add(key);
                }
            }
        } while (due.size() >= BATCH);
        return fired;
    }
}
