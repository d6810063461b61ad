package io.sitroom.error;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

/**
 * Logs a database outage once per node: one WARN when the first piece of work (timers, webhooks, wake-ups, commands)
 * finds the database gone, one WARN when the first finds it back, whatever else fails meanwhile. Each piece of work
 * notes its own outage at DEBUG only. The libraries' own lines about the same outage (the pool, the transaction
 * manager, Hibernate) are kept out of the log by io.sitroom.logging.QuietOutagesFilter, which asks {@link #nodeIsDown()}.
 */
public final class OutageLog {

    /** The category of the node's two lines, so that an operator can alert on it. */
    public static final String CATEGORY = "io.sitroom.database";
    private static final Logger NODE_LOG = Logger.getLogger(CATEGORY);
    /** Node-wide (the pieces of work make their OutageLogs with {@code new}, each its own): whether the database is away. */
    private static final AtomicBoolean NODE_DOWN = new AtomicBoolean();
    private static final AtomicLong DOWN_SINCE = new AtomicLong();

    private final Logger log;
    private final String work;
    private final AtomicBoolean down = new AtomicBoolean();

    public OutageLog(Logger log, String work) {
        this.log = log;
        this.work = work;
    }

    /** Whether some work of this node found the database gone and none has reached it since. */
    public static boolean nodeIsDown() {
        return NODE_DOWN.get();
    }

    /**
     * Reports a failure; returns false if it was not an outage (the caller logs it as the error it
     * is).
     */
    public boolean failed(Throwable failure) {
        return report(failure, DatabaseUnavailable.isCause(failure) || nodeIsDown() && commitFailed(failure));
    }

    /**
     * As {@link #failed}, for work that only reads: a read-only transaction that cannot commit has nothing to conflict
     * with, so only its connection can have failed, and that is the outage even before the node knows of it (the first
     * piece of work to meet an outage may meet it at its commit).
     */
    public boolean failedReading(Throwable failure) {
        return report(failure, DatabaseUnavailable.isCause(failure) || commitFailed(failure));
    }

    private boolean report(Throwable failure, boolean outage) {
        if (!outage) {
            return false;
        }
        if (down.compareAndSet(false, true)) {
            log.debugf("%s: the database cannot be reached (%s); trying again until it is back", work, failure.getMessage());
        }
        nodeFailed(failure);
        return true;
    }

    /**
     * Whether the transaction manager could not commit: when the connection breaks at the commit, Narayana says only
     * "Could not commit transaction" (ARJUNA016053), without the connection's error. While this node already knows the
     * database is away, that is the same outage, not a failure of its own.
     */
    private static boolean commitFailed(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof jakarta.transaction.RollbackException || t instanceof jakarta.transaction.SystemException) {
                return true;
            }
        }
        return false;
    }

    /** Reports that the work reached the database. */
    public void succeeded() {
        if (down.compareAndSet(true, false)) {
            log.debugf("%s: the database is reachable again", work);
        }
        nodeSucceeded();
    }

    /** A request found the database gone (it answers 503): the node's outage starts, if it had not. */
    public static void nodeFailed(Throwable failure) {
        if (NODE_DOWN.compareAndSet(false, true)) {
            DOWN_SINCE.set(System.nanoTime());
            NODE_LOG.warnf("the database cannot be reached (%s): requests that need it answer 503 with Retry-After, sockets stay"
                    + " open, background work waits; this node logs again when it is back", rootMessage(failure));
        }
    }

    private static void nodeSucceeded() {
        if (NODE_DOWN.compareAndSet(true, false)) {
            NODE_LOG.warnf("the database is reachable again after %d s", Duration.ofNanos(System.nanoTime() - DOWN_SINCE.get()).toSeconds());
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
