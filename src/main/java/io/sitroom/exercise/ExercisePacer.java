package io.sitroom.exercise;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.sitroom.room.AppendListener;
import io.sitroom.room.RecordedEvent;
import io.sitroom.room.RoomTimer;
import io.sitroom.room.Timers;

/**
 * Keeps playback on time. The next thing due in an exercise is a timer in the database, which the
 * regular timer poll would fire within a second; this pacer fires it to the millisecond, so an
 * inject arrives within a few milliseconds of its due time at any speed. Losing the pacer (a
 * restart) only falls back to the poll.
 *
 * <p>Many exercises at once (issue 18): the scheduling thread never waits for a database. A due
 * tick is handed to the room's queue in {@code RoomWriter} and the thread moves on, so the rooms
 * due at one instant commit side by side on the appender threads instead of one after the other
 * (50 exercises started together were about a second late when each firing waited for its commit).
 * The ticks of rooms that changed are read on a second thread, many rooms in one query.
 */
@ApplicationScoped
public class ExercisePacer implements AppendListener {

    private static final Logger LOG = Logger.getLogger(ExercisePacer.class);
    /** Rooms per query when reading ticks: a bound on the IN list. */
    private static final int READ_BATCH = 500;

    private final Timers timers;
    private final Clock clock;
    private final Map<UUID, ScheduledFuture<?>> scheduled = new ConcurrentHashMap<>();
    /** Rooms whose tick may have moved since it was last read. */
    private final Set<UUID> stale = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean reading = new AtomicBoolean();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(daemon("sitroom-exercise-pacer"));
    private final ExecutorService reader = Executors.newSingleThreadExecutor(daemon("sitroom-exercise-pacer-reader"));

    public ExercisePacer(Timers timers, Clock clock) {
        this.timers = timers;
        this.clock = clock;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    void onStart(@Observes StartupEvent event) {
        List<RoomTimer> ticks = QuarkusTransaction.requiringNew()
                .call(() -> RoomTimer.<RoomTimer> list("kind", ExerciseFeature.TICK_TIMER));
        ticks.forEach(this::schedule);
    }

    /**
     * After anything happened in an exercise room, its next tick may have moved: it is read again on the
     * reader thread, never on the appending one.
     */
    @Override
    public void appended(UUID roomId, List<RecordedEvent> events) {
        boolean playback = scheduled.containsKey(roomId) || events.stream().anyMatch(e -> e.payload() instanceof ExerciseEvent);
        if (playback) {
            markStale(roomId);
        }
    }

    private void markStale(UUID roomId) {
        stale.add(roomId);
        if (reading.compareAndSet(false, true)) {
            reader.execute(this::readStale);
        }
    }

    /** Reads the ticks of every stale room, a batch of rooms per query, until none is left. */
    private void readStale() {
        try {
            while (!stale.isEmpty()) {
                List<UUID> batch = new ArrayList<>();
                for (UUID roomId : stale) {
                    if (batch.size() == READ_BATCH) {
                        break;
                    }
                    batch.add(roomId);
                }
                // Taken out before reading: a room that changes during the read is read again.
                batch.forEach(stale::remove);
                reread(batch);
            }
        } finally {
            reading.set(false);
            if (!stale.isEmpty() && reading.compareAndSet(false, true)) {
                reader.execute(this::readStale);
            }
        }
    }

    private void reread(List<UUID> roomIds) {
        try {
            List<RoomTimer> ticks = QuarkusTransaction.requiringNew().call(() -> RoomTimer.<RoomTimer> list(
                    "kind = ?1 and subject = ?2 and roomId in ?3", ExerciseFeature.TICK_TIMER, ExerciseFeature.TICK_SUBJECT, roomIds));
            Set<UUID> without = new HashSet<>(roomIds);
            for (RoomTimer tick : ticks) {
                without.remove(tick.roomId);
                schedule(tick);
            }
            without.forEach(this::cancel);
        } catch (RuntimeException e) {
            LOG.warnf("exercises %s: could not read their next ticks (%s); the timer poll fires them", roomIds, e.getMessage());
        }
    }

    private void schedule(RoomTimer tick) {
        long delayMs = Math.max(0, Duration.between(clock.instant(), tick.dueAt).toMillis());
        RoomTimer.Key key = tick.key();
        ScheduledFuture<?> next = scheduler.schedule(() -> fire(key), delayMs, TimeUnit.MILLISECONDS);
        ScheduledFuture<?> previous = scheduled.put(key.roomId(), next);
        if (previous != null) {
            previous.cancel(false);
        }
    }

    private void cancel(UUID roomId) {
        ScheduledFuture<?> previous = scheduled.remove(roomId);
        if (previous != null) {
            previous.cancel(false);
        }
    }

    /**
     * Hands the tick to its room's queue without waiting. A tick that appended nothing may still have
     * moved the timer (a condition not yet true), and no append announces that: the room is read again.
     */
    private void fire(RoomTimer.Key key) {
        timers.submit(key).whenComplete((appended, failure) -> {
            if (failure != null) {
                LOG.warnf(failure, "exercise %s: playback tick failed; the timer poll will retry", key.roomId());
            } else if (!appended) {
                markStale(key.roomId());
            }
        });
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
        reader.shutdownNow();
    }
}
