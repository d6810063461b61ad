package io.sitroom.live;

import java.util.UUID;
import java.util.concurrent.Executor;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocketConnection;
import io.sitroom.error.DatabaseUnavailable;
import io.sitroom.error.ErrorCode;
import io.sitroom.error.SitroomException;
import io.sitroom.limits.LimitsConfig;
import io.sitroom.limits.RateLimits;
import io.sitroom.limits.TokenBucket;
import io.sitroom.role.Role;
import io.sitroom.room.CommandCatalog;
import io.sitroom.room.CommandHandler;
import io.sitroom.room.CommandResult;
import io.sitroom.room.EventPage;
import io.sitroom.room.EventView;
import io.sitroom.room.RoomService;
import io.sitroom.room.RoomSnapshot;
import io.sitroom.security.Caller;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;

/**
 * The life of one room connection: welcome, resume from {@code since}, live events, commands in
 * and results out. Subscribes before it reads the log, so that nothing committed in between is
 * missed; where the room's stream on this node already stands past the welcome's head (another welcome
 * started it), the events in between are read from the log too; the subscriber drops what it has
 * already sent, so nothing is sent twice.
 */
@ApplicationScoped
public class LiveSessions {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(LiveSessions.class);

    public static final UserData.TypedKey<Caller> CALLER = new UserData.TypedKey<>("sitroom.caller");
    public static final UserData.TypedKey<Long> SINCE = UserData.TypedKey.forLong("sitroom.since");
    private static final UserData.TypedKey<Subscriber> SUBSCRIBER = new UserData.TypedKey<>("sitroom.subscriber");
    private static final UserData.TypedKey<TokenBucket> FRAMES = new UserData.TypedKey<>("sitroom.frames");
    /** When the peer last showed it is there (a pong, or any frame), in the clock's milliseconds. */
    static final UserData.TypedKey<Long> LAST_HEARD = UserData.TypedKey.forLong("sitroom.lastHeard");
    private static final int RESUME_PAGE = 1000;
    /** How long a resume waits for a page of history to be written before it sends the next. */
    private static final long RESUME_WAIT_MS = 30_000;

    private final RoomService rooms;
    private final CommandHandler commands;
    private final CommandCatalog catalog;
    private final RoomFanout fanout;
    private final Frames frames;
    private final RateLimits limits;
    private final LimitsConfig config;
    private final TokenRevocations revocations;
    private final Map<UUID, AtomicInteger> connectionsPerUser = new ConcurrentHashMap<>();
    private final WelcomeReads welcomes;
    private final Counter framesDropped;
    private final String tooManyFrames;
    private final Drain drain;
    private final java.time.Clock clock;

    public LiveSessions(RoomService rooms, CommandHandler commands, CommandCatalog catalog, RoomFanout fanout, Frames frames,
            RateLimits limits, LimitsConfig config, TokenRevocations revocations, MeterRegistry registry, Drain drain,
            java.time.Clock clock) {
        this.drain = drain;
        this.clock = clock;
        this.framesDropped = Counter.builder("sitroom.frames.dropped")
                .description("Frames dropped for coming faster than a connection's rate").register(registry);
        this.catalog = catalog;
        this.welcomes = new WelcomeReads(config.concurrentWelcomes());
        this.revocations = revocations;
        this.tooManyFrames = frames.error(ErrorCode.RATE_LIMITED,
                "too many frames: frames over the limit are dropped (this warning comes at most once a second); slow down");
        this.rooms = rooms;
        this.commands = commands;
        this.fanout = fanout;
        this.frames = frames;
        this.limits = limits;
        this.config = config;
    }

    void open(WebSocketConnection connection) {
        heard(connection);
        Caller caller = connection.userData().get(CALLER);
        UUID roomId = roomId(connection);
        AtomicInteger open = connectionsPerUser.computeIfAbsent(caller.userId(), id -> new AtomicInteger());
        if (open.incrementAndGet() > config.connectionsPerUser()) {
            open.decrementAndGet();
            connection.sendTextAndAwait(frames.error(ErrorCode.RATE_LIMITED,
                    "too many open connections for one user (at most " + config.connectionsPerUser() + ")"));
            connection.close(new CloseReason(CloseReason.NORMAL.getCode(), "too many connections")).subscribe().with(ok -> {
            }, failure -> {
            });
            return;
        }
        if (revocations.closeIfRevokedSinceSignIn(connection)) {
            open.decrementAndGet();
            return;
        }
        connection.userData().put(FRAMES, limits.newFrameBucket());
        Subscriber subscriber = new Subscriber(connection, eventLoopOf(Vertx.currentContext()), caller.userId(), java.util.Set.of(),
                config.maxPendingFrames(), (seq, kind, phase, roles) -> frames.can(roomId, seq, catalog.can(kind, phase, roles),
                        catalog.privileged(kind, phase, roles)), s -> resync(connection, s, roomId, caller));
        connection.userData().put(SUBSCRIBER, subscriber);
        RoomChannel channel = fanout.join(roomId, subscriber);
        try {
            RoomSnapshot snapshot = welcomes.read(() -> rooms.snapshot(roomId, caller.userId()));
            RoomSnapshot.MemberView me = snapshot.members().stream()
                    .filter(m -> m.userId().equals(caller.userId())).findFirst()
                    .orElseThrow(() -> SitroomException.notFound("no such room"));
            subscriber.setView(me.roles().stream().map(Role::of).collect(java.util.stream.Collectors.toSet()), snapshot.kind(),
                    snapshot.phase());
            long head = snapshot.seq();
            // The stream may already stand past this welcome's head (another welcome, read a moment later, started
            // it): the events in between never come through it, so they are read from the log like a resume.
            long live = Math.max(head, channel.startAt(head));
            subscriber.send(frames.welcome(snapshot, new Frames.You(caller.userId(), me.displayName(), me.roles())));
            Long since = connection.userData().get(SINCE);
            long from = since != null ? since : head;
            if (from < live) {
                resume(roomId, caller, subscriber, from, live);
            }
            subscriber.goLive(live);
        } catch (SitroomException e) {
            subscriber.send(frames.error(e.code(), e.getMessage()));
            int code = e.code() == ErrorCode.UNAVAILABLE ? TRY_AGAIN_LATER : CloseReason.NORMAL.getCode();
            connection.close(new CloseReason(code, e.getMessage())).subscribe().with(ok -> {
            }, failure -> {
            });
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.isCause(e)) {
                throw e;
            }
            subscriber.send(frames.error(ErrorCode.UNAVAILABLE, DatabaseUnavailable.MESSAGE));
            connection.close(new CloseReason(TRY_AGAIN_LATER, "the database cannot be reached; reconnect shortly")).subscribe()
                    .with(ok -> {
                    }, failure -> {
                    });
        }
    }

    /**
     * Welcomes a connection again after its member's roles changed, on a worker: the snapshot for the new
     * roles ({@code resync}), then the events after it. A member no longer in the room is told and closed.
     */
    private void resync(WebSocketConnection connection, Subscriber subscriber, UUID roomId, Caller caller) {
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            try {
                RoomSnapshot snapshot = welcomes.read(() -> rooms.snapshot(roomId, caller.userId()));
                RoomSnapshot.MemberView me = snapshot.members().stream().filter(m -> m.userId().equals(caller.userId())).findFirst()
                        .orElseThrow(() -> SitroomException.notFound("no such room"));
                subscriber.setView(me.roles().stream().map(Role::of).collect(java.util.stream.Collectors.toSet()), snapshot.kind(),
                        snapshot.phase());
                subscriber.send(frames.resync(snapshot, new Frames.You(caller.userId(), me.displayName(), me.roles())));
                subscriber.goLive(snapshot.seq());
            } catch (RuntimeException e) {
                // Closed for the client to reconnect: a fresh welcome then (or a 404 when it is no longer a member).
                LOG.debugf("connection %s: could not welcome it again (%s); closing it", connection.id(), e.getMessage());
                connection.close(new CloseReason(TRY_AGAIN_LATER, "reconnect to see the room as your new roles see it")).subscribe()
                        .with(ok -> {
                        }, failure -> {
                        });
            }
        });
    }

    private void closeForFlooding(WebSocketConnection connection, Caller caller) {
        if (connection.isOpen()) {
            LOG.infof("connection %s of user %s closed for flooding (over %d frames a second dropped)", connection.id(),
                    caller.userId(), config.floodCloseAfter());
            // Coming straight back gets one new connection a second, not the burst meant for tabs after a restart.
            limits.spendUpgrades(caller.userId());
            connection.close(new CloseReason(POLICY_VIOLATION, "too many frames: closed for flooding")).subscribe().with(ok -> {
            }, failure -> {
            });
        }
    }

    /** WebSocket close code 1008: the client broke the rules (here: kept flooding over its frame rate). */
    static final int POLICY_VIOLATION = 1008;

    /** WebSocket close code 1013: the server cannot serve now, the client should reconnect later. */
    static final int TRY_AGAIN_LATER = 1013;

    private void resume(UUID roomId, Caller caller, Subscriber subscriber, long since, long head) {
        long after = since;
        while (after < head) {
            long from = after;
            EventPage page = welcomes.read(() -> rooms.events(roomId, caller.userId(), from, RESUME_PAGE));
            // Paced by what the client reads: never more than half the slow-consumer limit unwritten.
            int pace = Math.max(1, config.maxPendingFrames() / 2);
            int sent = 0;
            for (EventView event : page.events()) {
                if (event.seq() <= head) {
                    subscriber.replay(event.seq(), frames.event(event));
                    if (++sent % pace == 0) {
                        subscriber.awaitUnwrittenAtMost(pace, RESUME_WAIT_MS);
                    }
                }
            }
            if (!page.hasMore() || page.nextSince() <= after) {
                break;
            }
            after = page.nextSince();
        }
    }

    /** The peer answered a ping, or sent a frame: it is alive ({@link DeadPeers}). */
    void heard(WebSocketConnection connection) {
        connection.userData().put(LAST_HEARD, clock.millis());
    }

    void receive(WebSocketConnection connection, String text) {
        heard(connection);
        Subscriber subscriber = connection.userData().get(SUBSCRIBER);
        Caller caller = connection.userData().get(CALLER);
        if (subscriber == null || caller == null) {
            return;
        }
        if (revocations.isRevoked(connection)) {
            subscriber.send(frames.error(ErrorCode.UNAUTHENTICATED, TokenRevocations.REASON));
            return;
        }
        TokenBucket bucket = connection.userData().get(FRAMES);
        long now = limits.now();
        if (bucket != null && !bucket.tryTake(now)) {
            // Dropped. Answering every dropped frame would let a flood make the server write as much
            // as it reads: one warning a second is enough for a client that means well, and one
            // that keeps flooding is closed (it may come back, at the rate of upgrades allowed).
            framesDropped.increment();
            switch (subscriber.dropped(now, config.floodCloseAfter())) {
                case WARN -> subscriber.send(tooManyFrames);
                case CLOSE -> closeForFlooding(connection, caller);
                case SILENT -> {
                }
            }
            return;
        }
        Frames.Inbound inbound = frames.decode(text);
        if (inbound instanceof Frames.Inbound.Ping) {
            subscriber.send(Frames.PONG);
        } else if (inbound instanceof Frames.Inbound.Bad bad) {
            subscriber.send(bad.commandId() == null ? frames.error(bad.code(), bad.message())
                    : frames.result(CommandResult.refused(bad.commandId(), new SitroomException(bad.code(), bad.message()))));
        } else if (inbound instanceof Frames.Inbound.Command command && drain.closing()) {
            // The node is draining and closes this socket as soon as the commands it took have answered: this one is
            // not taken, so that it cannot be cut off between commit and answer.
            subscriber.send(frames.result(CommandResult.refused(command.envelope().commandId(),
                    new SitroomException(ErrorCode.UNAVAILABLE, DRAINING))));
        } else if (inbound instanceof Frames.Inbound.Command command) {
            // Not waiting: the next frame is read while this command waits its turn in the room's queue.
            commands.submit(roomId(connection), caller.userId(), command.envelope())
                    .thenAccept(result -> subscriber.send(frames.result(result)));
        }
    }

    /** WebSocket close code 1009 (Message Too Big). */
    static final int MESSAGE_TOO_BIG = 1009;

    /** A failure of a connection: one over the size limit is closed with 1009 (protocol.md), any other is logged. */
    void failed(WebSocketConnection connection, Throwable failure) {
        if (failure instanceof io.vertx.core.http.HttpClosedException) {
            LOG.debugf("connection %s: the peer went away (%s)", connection.id(), failure.getMessage());
            return;
        }
        if (!tooLarge(failure)) {
            LOG.errorf(failure, "connection %s failed", connection.id());
            return;
        }
        LOG.debugf("connection %s sent a message over the size limit: closing it with 1009", connection.id());
        connection.close(new CloseReason(MESSAGE_TOO_BIG, "message too large (at most 1 MiB)")).subscribe().with(ok -> {
        }, failure2 -> {
        });
    }

    /**
     * Whether a failure says a message was over {@code quarkus.websockets-next.server.max-message-size} (or a frame over
     * {@code max-frame-size}). Vert.x reports the first only as an IllegalStateException known by its message, and
     * drops the message without closing; Netty reports the second as a corrupted frame with the close status 1009.
     */
    static boolean tooLarge(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException corrupted
                    && corrupted.closeStatus() != null && corrupted.closeStatus().code() == MESSAGE_TOO_BIG) {
                return true;
            }
            if (t instanceof IllegalStateException && t.getMessage() != null && t.getMessage().contains("max message size")) {
                return true;
            }
        }
        return false;
    }

    /** The refusal of a command that reaches a draining node's socket just before it closes. */
    static final String DRAINING = "the server is restarting and took nothing; send it again after reconnecting";

    /**
     * The connection ended, or is being closed for good (a dead peer, whose close may take long to complete): it
     * leaves its room and frees its place among its user's connections, once, however often this is called.
     */
    void close(WebSocketConnection connection) {
        Subscriber subscriber = connection.userData().remove(SUBSCRIBER);
        if (subscriber != null) {
            fanout.leave(roomId(connection), subscriber);
            Caller caller = connection.userData().get(CALLER);
            AtomicInteger open = connectionsPerUser.get(caller.userId());
            if (open != null) {
                open.decrementAndGet();
            }
        }
    }

    /** The Netty event loop behind the connection's (duplicated) Vert.x context; outside one, the calling thread. */
    private static Executor eventLoopOf(Context context) {
        return context instanceof ContextInternal internal ? internal.nettyEventLoop() : Runnable::run;
    }

    private static UUID roomId(WebSocketConnection connection) {
        return UUID.fromString(connection.pathParam("roomId"));
    }

}
