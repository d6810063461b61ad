package io.sitroom.security;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The revocations this node has heard, newest last, so that a socket opening moments after its token was read can
 * tell from memory whether that token may have been revoked since: only then is the token read again.
 *
 * <p>A sign-in takes a {@link #mark()} before it reads its token. A revocation that committed after that read is
 * heard after the mark (on this node as it commits, from another node by its broadcast), so anything that could
 * have revoked the token shows as an entry past the mark: one for the same user, one for every user when this
 * node may have missed broadcasts (it stopped hearing them, or heard them again after a gap), or entries dropped
 * from the memory. A node that is not sure it hears every revocation ({@link #deaf()}) answers "maybe" to
 * everything. "Maybe" costs a read of the token; "no" is exact.
 *
 * <p>Pure (no clock, no database), so it is tested without Quarkus. Until it is told that it hears every
 * revocation ({@link #hearing()}), it is deaf.
 */
@ApplicationScoped
public class RevocationsHeard {

    /** Entries kept: revocations are rare; past this many since a mark, the token is read again. */
    static final int KEPT = 1024;

    /** A revocation heard: of one user's token ({@code tokenHash}), of all their tokens (null), or of anyone's ({@code userId} null). */
    private record Entry(long n, UUID userId, String tokenHash) {
    }

    private final Deque<Entry> entries = new ArrayDeque<>();
    private long last;
    private boolean hearing;

    /** Where this node stands in what it has heard: taken before reading a token, asked with {@link #mayHaveRevokedSince}. */
    public synchronized long mark() {
        return last;
    }

    /** A user's token was revoked ({@code tokenHash} null: all their tokens, or their account disabled). */
    public synchronized void heard(UUID userId, String tokenHash) {
        add(new Entry(last + 1, userId, tokenHash));
    }

    /** This node now hears every revocation: it is the only one, or it listens to the others again (after a gap). */
    public synchronized void hearing() {
        // What was revoked while it was not listening was never heard: any token may have been.
        add(new Entry(last + 1, null, null));
        hearing = true;
    }

    /** This node may miss revocations from now on (it lost the connection that tells it the other nodes'). */
    public synchronized void deaf() {
        add(new Entry(last + 1, null, null));
        hearing = false;
    }

    /**
     * Whether a token of this user (with this hash) may have been revoked since the mark: false only when this node
     * has heard every revocation since, and none of them was this user's.
     */
    public synchronized boolean mayHaveRevokedSince(long mark, UUID userId, String tokenHash) {
        if (!hearing || mark < 0 || mark > last) {
            return true;
        }
        if (mark == last) {
            return false;
        }
        if (entries.isEmpty() || entries.peekFirst().n() > mark + 1) {
            return true; // some of what came after the mark is no longer kept
        }
        for (var it = entries.descendingIterator(); it.hasNext();) {
            Entry entry = it.next();
            if (entry.n() <= mark) {
                return false;
            }
            if (entry.userId() == null || entry.userId().equals(userId)
                    && (entry.tokenHash() == null || entry.tokenHash().equals(tokenHash))) {
                return true;
            }
        }
        return false;
    }

    private void add(Entry entry) {
        entries.addLast(entry);
        last = entry.n();
        while (entries.size() > KEPT) {
            entries.removeFirst();
        }
    }
}
