package io.sitroom.room;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.sitroom.error.SitroomException;

/**
 * The one unit of work by which anything is appended to a room's log: clients' commands, the
 * server's own appends (a room opened, a timer, an invitation joined, an alert), and the reactions
 * they cause. Work for one room queues and runs in order, several to a transaction when it queues
 * up; in that transaction the room is locked, each piece of work is admitted (see {@link Admission}),
 * decides from the locked state and appends through {@link LockedRoom}, which projects; the other
 * nodes are signalled. After the commit every result is completed first, then the listeners are
 * told; a listener that throws is logged and never changes, delays or withholds a result.
 */
@ApplicationScoped
public class RoomWriter {

    private static final Logger LOG = Logger.getLogger(RoomWriter.class);
    /** Set on the threads running a unit of work and its announcement: waiting there for a room's work would deadlock. */
    private static final ThreadLocal<Boolean> INSIDE = ThreadLocal.withInitial(() -> false);

    /** Work on one room, run inside its transaction under its lock. */
    public interface Work<R> {

        /** Decides and appends through the locked room; refuses by throwing {@link SitroomException} before appending anything. */
        R run(LockedRoom room);

        /** A client's command id, for the idempotency lookup (one query per batch); null for the server's own work. */
        default String commandId() {
            return null;
        }
    }

    private record Job<R>(Work<R> work, CompletableFuture<R> result) {

        void complete(Object value) {
            @SuppressWarnings("unchecked")
            R typed = (R) value;
            result.complete(typed);
        }
    }

    /** A room's membership as it stood at a head seq: good for the next unit of work as long as the head has not moved. */
    private record KnownMembers(long headSeq, Map<UUID, Member> members) {
    }

    /** What a batch's transaction committed: each job's value or refusal, and every event appended. */
    private record Committed(Object[] values, SitroomException[] refusals, List<RecordedEvent> appended, KnownMembers members) {
    }

    private final Appender appender;
    private final AppendSignal signal;
    private final Instance<AppendListener> listenerBeans;
    private volatile List<AppendListener> listeners;
    private final ExecutorService appenders;
    private final BatchQueues<Job<?>> queues;
    private final Timer batchTime;
    private final DistributionSummary batchSize;
    private final Counter repeatedBatches;
    private final Map<UUID, KnownMembers> knownMembers = new ConcurrentHashMap<>();

    RoomWriter(Appender appender, AppendSignal signal, Instance<AppendListener> listeners, MeterRegistry registry, CommandConfig config) {
        this.appender = appender;
        this.signal = signal;
        this.listenerBeans = listeners;
        AtomicInteger threads = new AtomicInteger();
        this.appenders = Executors.newFixedThreadPool(config.appenders(), runnable -> {
            Thread thread = new Thread(runnable, "sitroom-appender-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.queues = new BatchQueues<>(appenders, config.maxBatch(), this::process);
        this.batchTime = Timer.builder("sitroom.commands.batch")
                .description("Time to decide, append and commit one batch of a room's work (one transaction)")
                .publishPercentileHistogram().register(registry);
        this.batchSize = DistributionSummary.builder("sitroom.commands.batch.size")
                .description("Pieces of work (mostly commands) in one batch (one transaction)").register(registry);
        this.repeatedBatches = Counter.builder("sitroom.commands.batch.repeated")
                .description("Batches run again, looking their command ids up, because one repeated a command recorded before").register(registry);
    }

    /**
     * Queues work behind the room's other work. The future completes once the work's transaction has
     * committed (or rolled back): with its value, exceptionally with its refusal
     * ({@link SitroomException}), or with what made the transaction fail.
     */
    public <R> CompletableFuture<R> submit(UUID roomId, Work<R> work) {
        Job<R> job = new Job<>(Objects.requireNonNull(work), new CompletableFuture<>());
        queues.add(roomId, job);
        return job.result();
    }

    /** Runs work and waits for it; a refusal is thrown as the {@link SitroomException} it is. */
    public <R> R run(UUID roomId, Work<R> work) {
        return await(submit(roomId, work), 0);
    }

    /**
     * Waits for a result of a room's work, at most {@code timeoutMs} (0: as long as it takes); not
     * from inside a unit of work or its announcement, where it would wait for itself.
     */
    public static <R> R await(CompletableFuture<R> result, long timeoutMs) {
        if (INSIDE.get()) {
            throw new IllegalStateException("waiting for a room's work from inside a unit of work would deadlock");
        }
        try {
            return timeoutMs > 0 ? result.get(timeoutMs, TimeUnit.MILLISECONDS) : result.join();
        } catch (CompletionException | java.util.concurrent.ExecutionException e) {
            throw rethrow(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a room's work", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new WorkTimedOut(timeoutMs);
        }
    }

    /** The room's work did not finish in time; it may still commit. */
    public static final class WorkTimedOut extends RuntimeException {
        WorkTimedOut(long timeoutMs) {
            super("the room's work did not finish within " + timeoutMs + " ms", null, false, false);
        }
    }

    private static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }

    /**
     * Appends what the server decides by itself (no actor, no command id), from the room as it is
     * under its lock, and runs {@code alsoRecord} with what was appended in the same transaction (rows
     * that are not in the log). Refused, with {@code conflict}, when the room is closed.
     */
    public List<RecordedEvent> appendSystem(UUID roomId, String what, Function<RoomState, List<NewEvent>> decision,
            Consumer<List<RecordedEvent>> alsoRecord) {
        return run(roomId, room -> {
            room.admit(new Admission.Source.Server(what));
            List<NewEvent> decided = decision.apply(room.state());
            List<RecordedEvent> appended = decided.isEmpty() ? List.of() : room.append(null, null, decided);
            alsoRecord.accept(appended);
            return appended;
        });
    }

    private void process(UUID roomId, List<Job<?>> batch) {
        INSIDE.set(true);
        try {
            Committed committed;
            long start = System.nanoTime();
            try {
                committed = commit(roomId, batch);
            } catch (RuntimeException e) {
                if (batch.size() > 1) {
                    // One bad piece of work never takes the others down: each is tried again on its own.
                    batch.forEach(job -> process(roomId, List.of(job)));
                } else {
                    batch.get(0).result().completeExceptionally(e);
                }
                return;
            }
            try {
                batchTime.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                batchSize.record(batch.size());
                if (committed.members() != null) {
                    knownMembers.put(roomId, committed.members());
                }
            } finally {
                completeAll(batch, committed);
            }
            announce(roomId, committed.appended());
        } finally {
            INSIDE.set(false);
        }
    }

    /**
     * Runs the batch in one transaction. Its command ids are not looked up first: a client repeats a command only
     * when it reconnects without the result, and recording the batch's ids finds such a repeat. Then the batch rolls
     * back and runs again, looking its ids up first. (A repeat that is refused when decided again records nothing:
     * its id is looked up then, see {@link LockedRoom#acceptedBefore}.) In a hot room the lookup of a batch's 160 ids was a third of
     * the batch's time (docs/benchmarks.md, "Commands not looked up").
     */
    private Committed commit(UUID roomId, List<Job<?>> batch) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> runAll(roomId, batch, false));
        } catch (RepeatedCommand e) {
            repeatedBatches.increment();
            return QuarkusTransaction.requiringNew().call(() -> runAll(roomId, batch, true));
        }
    }

    /** A batch that did not look its command ids up repeated a command recorded before: it rolls back and runs again with the lookup. */
    private static final class RepeatedCommand extends RuntimeException {
        RepeatedCommand() {
            super("a command of the batch was recorded before", null, false, false);
        }
    }

    private Committed runAll(UUID roomId, List<Job<?>> batch, boolean lookUpEarlier) {
        Room room = Room.lockForAppend(roomId);
        KnownMembers known = knownMembers.get(roomId);
        Map<UUID, Member> members = room != null && known != null && known.headSeq() == room.headSeq ? known.members() : null;
        List<String> commandIds = batch.stream().map(job -> job.work().commandId()).filter(Objects::nonNull).toList();
        LockedRoom locked = new LockedRoom(roomId, room, members, appender, commandIds, lookUpEarlier);
        Object[] values = new Object[batch.size()];
        SitroomException[] refusals = new SitroomException[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            int before = locked.appended().size();
            try {
                values[i] = batch.get(i).work().run(locked);
            } catch (SitroomException e) {
                if (locked.appended().size() != before) {
                    // Refusals come before anything is written; one after would leave half a command in the transaction.
                    throw new IllegalStateException("work refused after it appended events", e);
                }
                refusals[i] = e;
            }
        }
        if (!locked.recordAccepted()) {
            if (lookUpEarlier) {
                throw new IllegalStateException("room " + roomId + ": a command looked up as new was recorded before");
            }
            throw new RepeatedCommand();
        }
        List<RecordedEvent> appended = List.copyOf(locked.appended());
        if (!appended.isEmpty()) {
            signal.appended(roomId, appended.get(appended.size() - 1).seq());
        }
        KnownMembers after = locked.exists() && locked.membersIfKnown() != null
                ? new KnownMembers(locked.entity().headSeq, locked.membersIfKnown()) : null;
        return new Committed(values, refusals, appended, after);
    }

    private static void completeAll(List<Job<?>> batch, Committed committed) {
        for (int i = 0; i < batch.size(); i++) {
            Job<?> job = batch.get(i);
            if (committed.refusals()[i] != null) {
                job.result().completeExceptionally(committed.refusals()[i]);
            } else {
                job.complete(committed.values()[i]);
            }
        }
    }

    private void announce(UUID roomId, List<RecordedEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        for (AppendListener listener : listeners()) {
            try {
                listener.appended(roomId, events);
            } catch (RuntimeException e) {
                LOG.errorf(e, "room %s: a listener failed on events %d..%d (they are committed; results were not affected)", roomId,
                        events.get(0).seq(), events.get(events.size() - 1).seq());
            }
        }
    }

    private List<AppendListener> listeners() {
        List<AppendListener> resolved = listeners;
        if (resolved == null) {
            resolved = new ArrayList<>();
            listenerBeans.forEach(resolved::add);
            listeners = resolved;
        }
        return resolved;
    }

    /**
     * Waits until no room has work queued or a batch committing, at most {@code wait}; returns whether that
     * came (a draining node lets the commands it accepted commit and answer before it closes its sockets).
     */
    public boolean awaitIdle(java.time.Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!queues.idle()) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    @PreDestroy
    void stop() {
        appenders.shutdown();
    }
}
