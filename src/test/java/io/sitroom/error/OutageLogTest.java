package io.sitroom.error;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLTransientConnectionException;

import jakarta.transaction.RollbackException;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What counts as the database being away, for the node's two log lines (DatabaseOutageIT shows the lines themselves). */
class OutageLogTest {

    private final OutageLog work = new OutageLog(Logger.getLogger(OutageLogTest.class), "a test's work");
    private final OutageLog other = new OutageLog(Logger.getLogger(OutageLogTest.class), "other work");

    @AfterEach
    void databaseBack() {
        work.succeeded();
        other.succeeded();
    }

    @Test
    void aLostConnection_isAnOutage_andMarksTheNodeDown() {
        assertTrue(work.failed(new IllegalStateException("read failed", new SQLTransientConnectionException("connection reset"))));
        assertTrue(OutageLog.nodeIsDown());
        work.succeeded();
        assertFalse(OutageLog.nodeIsDown());
    }

    @Test
    void aCommitThatFailed_isTheOutage_onlyWhileTheNodeKnowsTheDatabaseIsAway() {
        RuntimeException commit = new IllegalStateException(new RollbackException("ARJUNA016053: Could not commit transaction."));
        assertFalse(work.failed(commit), "with the database there, a failed commit is a failure of its own: the caller logs it");
        assertFalse(OutageLog.nodeIsDown());

        other.failed(new SQLTransientConnectionException("refused"));
        assertTrue(work.failed(commit), "while the node knows the database is away, the commit failed for that reason");
    }

    @Test
    void aReadOnlyTransactionThatCouldNotCommit_isTheOutage_evenBeforeTheNodeKnows() {
        RuntimeException commit = new IllegalStateException(new RollbackException("ARJUNA016053: Could not commit transaction."));
        assertFalse(OutageLog.nodeIsDown());
        assertTrue(work.failedReading(commit), "a read has nothing to conflict with: only its connection can have failed");
        assertTrue(OutageLog.nodeIsDown(), "and the node's outage begins with it (DatabaseOutageIT: the first to meet it was a read)");
        assertFalse(other.failedReading(new IllegalArgumentException("a bug")), "a reader's own failure is still its own");
    }

    @Test
    void anyOtherFailure_isNeverHiddenAsAnOutage() {
        other.failed(new SQLTransientConnectionException("refused"));
        assertFalse(work.failed(new IllegalArgumentException("a bug")));
    }
}
