package io.sitroom.live;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.sitroom.error.ErrorCode;
import io.sitroom.error.SitroomException;

/**
 * Takes turns for the database reads of opening connections (the snapshot, pages of missed events):
 * at most a few at once, the rest waiting in order. Only the reads take a turn, never the waits of a
 * resume paced by a slow client.
 */
final class WelcomeReads {

    /** Waiting longer than this means the node is overloaded: the client is told to reconnect shortly. */
    static final long MAX_WAIT_SECONDS = 30;

    private final Semaphore turns;

    WelcomeReads(int concurrent) {
        this.turns = new Semaphore(Math.max(1, concurrent), true);
    }

    <T> T read(Supplier<T> read) {
        boolean taken;
        try {
            taken = turns.tryAcquire(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            taken = false;
        }
        if (!taken) {
            throw new SitroomException(ErrorCode.UNAVAILABLE, "the server is busy welcoming other connections; reconnect shortly");
        }
        try {
            return read.get();
        } finally {
            turns.release();
        }
    }
}
