package io.sitroom.error;

import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

/**
 * For background work that polls the database (timers, webhooks, wake-ups): logs an outage once
 * when it starts and once when it ends, instead of a stack trace on every poll.
 */
public final class OutageLog {

    private final Logger log;
    private final String work;
    private final AtomicBoolean down = new AtomicBoolean();

    public OutageLog(Logger log, String work) {
        this.log = log;
        this.work = work;
    }

    /**
     * Reports a failure; returns false if it was not an outage (the caller logs it as the error it
     * is).
     */
    public boolean failed(Throwable failure) {
        if (!DatabaseUnavailable.isCause(failure)) {
            return false;
        }
        if (down.compareAndSet(false, true)) {
            log.warnf("%s: the database cannot be reached (%s); trying again until it is back", work, failure.getMessage());
        }
        return true;
    }

    /** Reports that the work reached the database. */
    public void succeeded() {
        if (down.compareAndSet(true, false)) {
            log.infof("%s: the database is reachable again", work);
        }
    }
}
