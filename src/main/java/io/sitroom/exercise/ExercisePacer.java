package io.sitroom.exercise;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

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
 */
@ApplicationScoped
public class ExercisePacer implements AppendListener {

    private static final Logger LOG = Logger.getLogger(ExercisePacer.class);

    private final Timers timers;
    private final Clock clock;
    private final Map<UUID, ScheduledFuture<?>> scheduled = new ConcurrentHashMap<>();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sitroom-exercise-pacer");
        thread.setDaemon(true);
        return thread;
    });

    public ExercisePacer(Timers timers, Clock clock) {
        this.timers = timers;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        List<RoomTimer> ticks = QuarkusTransaction.requiringNew()
                .call(() -> RoomTimer.<RoomTimer> list("kind", ExerciseFeature.TICK_TIMER));
        ticks.forEach(this::schedule);
    }

    /**
     * After anything happened in an exercise room, its next tick may have moved: it is read again on the
     * pacer's own thread, never on the appending one.
     */
    @Override
    public void appended(UUID roomId, List<RecordedEvent> events) {
        boolean playback = scheduled.containsKey(roomId) || events.stream().anyMatch(e -> e.payload() instanceof ExerciseEvent);
        if (playback) {
            executor.execute(() -> reschedule(roomId));
        }
    }

    private void reschedule(UUID roomId) {
        try {
            RoomTimer tick = QuarkusTransaction.requiringNew().call(() -> RoomTimer
                    .<RoomTimer> findById(new RoomTimer.Key(roomId, ExerciseFeature.TICK_TIMER, ExerciseFeature.TICK_SUBJECT)));
            if (tick == null) {
                cancel(roomId);
            } else {
                schedule(tick);
            }
        } catch (RuntimeException e) {
            LOG.warnf("exercise %s: could not read its next tick (%s); the timer poll fires it", roomId, e.getMessage());
        }
    }

    private void schedule(RoomTimer tick) {
        long delayMs = Math.max(0, Duration.between(clock.instant(), tick.dueAt).toMillis());
        RoomTimer.Key key = tick.key();
        ScheduledFuture<?> next = executor.schedule(() -> fire(key), delayMs, TimeUnit.MILLISECONDS);
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

    private void fire(RoomTimer.Key key) {
        try {
            timers.fire(key);
        } catch (RuntimeException e) {
            LOG.warnf(e, "exercise %s: playback tick failed; the timer poll will retry", key.roomId());
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
