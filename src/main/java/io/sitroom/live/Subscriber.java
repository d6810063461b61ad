package io.sitroom.live;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;

import org.jboss.logging.Logger;

import io.quarkus.websockets.next.WebSocketConnection;
import io.sitroom.role.Role;
import io.sitroom.room.Phase;
import io.sitroom.room.RoomKind;
import io.sitroom.room.Viewer;

/**
 * One connection's place in its room's stream. Until it goes live (after the welcome and any
 * resumed history) live events are held back; afterwards each event is sent once, in seq order,
 * if this viewer may see it. Role changes in the stream update what the viewer may see.
 */
final class Subscriber {

    private static final Logger LOG = Logger.getLogger(Subscriber.class);

    private final WebSocketConnection connection;
    /** Writes this connection's frames (see {@link SocketWriter}: shared bytes, compressed once). */
    private final SocketWriter writer;
    /** The event loop the connection lives on: live events are written from it, without a hop between threads. */
    private final Executor eventLoop;
    private final UUID userId;
    private Set<Role> roles;
    private RoomKind kind = RoomKind.INCIDENT;
    private Phase phase = Phase.DETECTION;
    private final Can can;
    private final Resync resync;
    private long lastSeq;
    private boolean live;
    private final List<OutboundEvent> held = new ArrayList<>();

    private final int maxPending;
    /** Frames handed to the socket and not yet written out: a client that stops reading makes this grow. */
    private final java.util.concurrent.atomic.AtomicInteger pending = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean dropped;
    /** Taken out of the room: nothing more is written. */
    private volatile boolean removed;
    /** When this connection was last told it is sending too many frames (nanoTime), or never. */
    private long rateWarnedAt = Long.MIN_VALUE;
    private long dropWindowStart = Long.MIN_VALUE;
    private int droppedInWindow;

    /** The {@code can} frame for a member of a room of this kind and phase holding these roles, after the event at {@code seq}. */
    interface Can {
        String frame(long seq, RoomKind kind, Phase phase, Set<Role> roles);
    }

    /** Welcomes this connection again (off the event loop): its snapshot, then {@link #goLive} from its seq. */
    interface Resync {
        void request(Subscriber subscriber);
    }

    Subscriber(WebSocketConnection connection, Executor eventLoop, UUID userId, Set<Role> roles, int maxPending, Can can, Resync resync) {
        this.can = can;
        this.resync = resync;
        this.connection = connection;
        this.writer = SocketWriter.of(connection);
        this.eventLoop = eventLoop;
        this.userId = userId;
        this.roles = Set.copyOf(roles);
        this.maxPending = maxPending;
    }

    WebSocketConnection connection() {
        return connection;
    }

    Executor eventLoop() {
        return eventLoop;
    }

    synchronized Viewer viewer() {
        return new Viewer(userId, roles, kind.leadRole());
    }

    /** What this viewer may see and issue, from the welcome snapshot: their roles, the kind of room and its phase. */
    synchronized void setView(Set<Role> roles, RoomKind kind, Phase phase) {
        this.roles = Set.copyOf(roles);
        this.kind = kind;
        this.phase = phase;
    }

    /**
     * Counts a frame dropped for going over the connection's rate and says what to do about it: warn
     * the client (at most once a second), nothing more, or close the connection because it is
     * flooding ({@code closeAfter} drops within one second).
     */
    synchronized Dropped dropped(long nowNanos, int closeAfter) {
        if (nowNanos - dropWindowStart >= 1_000_000_000L) {
            dropWindowStart = nowNanos;
            droppedInWindow = 0;
        }
        if (++droppedInWindow >= closeAfter) {
            return Dropped.CLOSE;
        }
        if (rateWarnedAt != Long.MIN_VALUE && nowNanos - rateWarnedAt < 1_000_000_000L) {
            return Dropped.SILENT;
        }
        rateWarnedAt = nowNanos;
        return Dropped.WARN;
    }

    enum Dropped {
        WARN, SILENT, CLOSE
    }

    /** A live event from the room's channel, in seq order. */
    synchronized void accept(List<OutboundEvent> events) {
        if (!live) {
            held.addAll(events);
            return;
        }
        // Checked once for the whole run of events: frames written in one go are not counted as
        // waiting until the event loop has had a chance to flush them.
        if (tooFarBehind()) {
            return;
        }
        for (OutboundEvent event : events) {
            if (live) {
                deliver(event);
            } else {
                held.add(event);
            }
        }
        writer.flush();
    }

    /** Sends a resumed event from history (the caller sends them in order, before going live). */
    synchronized void replay(long seq, String frame) {
        if (seq > lastSeq) {
            lastSeq = seq;
            send(frame);
        }
    }

    /** Whether this connection's frames go out compressed (permessage-deflate). */
    boolean deflates() {
        return writer.deflates();
    }

    /**
     * Waits (on a worker thread, while replaying history) until at most {@code frames} frames are
     * still unwritten, so a client catching up on a long history is paced by what it reads rather
     * than closed as a slow consumer. Gives up when the connection closes or after {@code timeoutMs}.
     */
    void awaitUnwrittenAtMost(int frames, long timeoutMs) {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        while (pending.get() > frames && !dropped && connection.isOpen() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Everything up to {@code seq} has been sent (or is not for this viewer): flush what was held back. */
    synchronized void goLive(long seq) {
        lastSeq = Math.max(lastSeq, seq);
        live = true;
        List<OutboundEvent> waiting = new ArrayList<>(held);
        held.clear();
        waiting.sort(Comparator.comparingLong(OutboundEvent::seq));
        for (OutboundEvent event : waiting) {
            if (live) {
                deliver(event);
            } else {
                held.add(event);
            }
        }
        writer.flush();
    }

    private void deliver(OutboundEvent event) {
        if (event.seq() <= lastSeq) {
            return;
        }
        lastSeq = event.seq();
        // Most events are for everyone: no viewer to build for those.
        if (event.visibleTo() == null || new Viewer(userId, roles, kind.leadRole()).maySee(event.visibleTo(), event.actorId())) {
            write(event.frame(), false);
        }
        if (userId.equals(event.removed())) {
            // Out of the room: this connection sees nothing more of it.
            removed = true;
            writer.flush();
            connection.close(new io.quarkus.websockets.next.CloseReason(REMOVED, "removed from the room")).subscribe().with(ok -> {
            }, failure -> {
            });
            return;
        }
        Set<Role> after = event.rolesAfter().get(userId);
        if (after != null && !after.equals(roles)) {
            // New roles may see what was recorded before (a legal note, the facilitator's script), which can
            // never come as an event: the member is welcomed again, with a snapshot for its new roles, and
            // the events after it follow. Until then they are held.
            roles = Set.copyOf(after);
            live = false;
            resync.request(this);
            return;
        }
        if (event.phaseAfter() != null && event.phaseAfter() != phase) {
            // What a member may issue follows the room's phase: told right after the event that changed it.
            phase = event.phaseAfter();
            write(EncodedFrame.of(can.frame(event.seq(), kind, phase, roles)), false);
        }
    }

    /**
     * A connection that has more than {@code maxPending} frames unwritten has stopped reading: it is
     * closed (close code 4008) so it never holds up the room, and the client resumes from the last
     * seq it got. Returns whether it was (or had already been) closed for that.
     */
    private boolean tooFarBehind() {
        if (dropped) {
            return true;
        }
        if (pending.get() <= maxPending) {
            return false;
        }
        dropped = true;
        LOG.infof("connection %s of user %s closed as a slow consumer (%d frames waiting)", connection.id(), userId, maxPending);
        connection.close(new io.quarkus.websockets.next.CloseReason(SLOW_CONSUMER,
                "too slow: more than " + maxPending + " frames waiting; reconnect with since=<last seq>")).subscribe().with(ok -> {
                }, failure -> {
                });
        return true;
    }

    /** Sends a frame without waiting, unless the connection is too far behind (see {@link #tooFarBehind()}). */
    void send(String frame) {
        if (!tooFarBehind()) {
            write(EncodedFrame.of(frame), true);
        }
    }

    private void write(EncodedFrame frame, boolean flush) {
        if (dropped || removed || !connection.isOpen()) {
            return;
        }
        pending.incrementAndGet();
        writer.write(frame, flush, (ok, failure) -> {
            pending.decrementAndGet();
            if (!ok) {
                LOG.debugf("send to connection %s failed: %s", connection.id(), failure == null ? "closed" : failure.getMessage());
            }
        });
    }

    static final int SLOW_CONSUMER = 4008;
    /** Close code 4403: the member was taken out of the room; reconnecting is refused (404). */
    static final int REMOVED = 4403;
}
