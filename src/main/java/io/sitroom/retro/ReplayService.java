package io.sitroom.retro;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.websockets.next.WebSocketConnection;
import io.sitroom.error.SitroomException;
import io.sitroom.exercise.Exercise;
import io.sitroom.exercise.ExerciseStatus;
import io.sitroom.room.EventPage;
import io.sitroom.room.EventView;
import io.sitroom.room.Phase;
import io.sitroom.room.Room;
import io.sitroom.room.RoomKind;
import io.sitroom.room.RoomService;

/**
 * Replays a finished exercise or a closed incident, read-only, from its log: each event the viewer
 * may see, with the time between events divided by the speed. A quiet stretch is shortened to at
 * most {@value #MAX_GAP_MS} ms so a replay never stalls for hours.
 */
@ApplicationScoped
public class ReplayService {

    private static final Logger LOG = Logger.getLogger(ReplayService.class);
    static final long MAX_GAP_MS = 5_000;
    private static final int PAGE = 500;

    private final RoomService rooms;
    private final ObjectMapper mapper;
    private final Map<String, Replay> replays = new ConcurrentHashMap<>();
    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(1, runnable -> {
        Thread thread = new Thread(runnable, "sitroom-replay");
        thread.setDaemon(true);
        return thread;
    });

    public ReplayService(RoomService rooms, ObjectMapper mapper) {
        this.rooms = rooms;
        this.mapper = mapper;
    }

    /** A member may replay a room once it is over: an incident closed, an exercise ended. */
    @Transactional
    public void requireReplayable(UUID roomId, UUID userId) {
        rooms.requireMember(roomId, userId);
        Room room = Room.findById(roomId);
        boolean over = room.kind == RoomKind.INCIDENT ? room.phase.isClosed()
                : Exercise.<Exercise> findByIdOptional(roomId).map(e -> e.status == ExerciseStatus.ENDED).orElse(false);
        if (!over) {
            throw SitroomException.conflict("only a closed incident or an ended exercise can be replayed");
        }
    }

    public void start(WebSocketConnection connection, UUID roomId, UUID userId, double speed, long from) {
        Replay replay = new Replay(connection, roomId, userId, speed, from);
        replays.put(connection.id(), replay);
        send(connection, Map.of("type", "replay", "roomId", roomId, "speed", speed, "from", from));
        executor.execute(replay);
    }

    /** Answers a replay that cannot start with an error frame (encoded properly, whatever the message) and closes it. */
    public void refuse(WebSocketConnection connection, String code, String message) {
        try {
            connection.sendTextAndAwait(mapper.writeValueAsString(Map.of("type", "error", "error", Map.of("code", code, "message", message))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        connection.close(new io.quarkus.websockets.next.CloseReason(io.quarkus.websockets.next.CloseReason.NORMAL.getCode(), code))
                .subscribe().with(ok -> {
                }, failure -> {
                });
    }

    public void stop(WebSocketConnection connection) {
        replays.remove(connection.id());
    }

    private final class Replay implements Runnable {
        private final WebSocketConnection connection;
        private final UUID roomId;
        private final UUID userId;
        private final double speed;
        private final Deque<EventView> buffer = new ArrayDeque<>();
        private long after;
        private boolean exhausted;
        private EventView pending;
        private Instant previousAt;

        Replay(WebSocketConnection connection, UUID roomId, UUID userId, double speed, long from) {
            this.connection = connection;
            this.roomId = roomId;
            this.userId = userId;
            this.speed = speed;
            this.after = from;
        }

        @Override
        public void run() {
            if (!connection.isOpen() || !replays.containsKey(connection.id())) {
                replays.remove(connection.id());
                return;
            }
            try {
                if (pending != null) {
                    send(connection, pending);
                    previousAt = Instant.parse(pending.at());
                    after = pending.seq();
                }
                pending = next();
                if (pending == null) {
                    send(connection, Map.of("type", "replay.end", "roomId", roomId, "lastSeq", after));
                    replays.remove(connection.id());
                    return;
                }
                long gapMs = previousAt == null ? 0 : Math.max(0, Duration.between(previousAt, Instant.parse(pending.at())).toMillis());
                long delayMs = Math.min(MAX_GAP_MS, (long) (gapMs / speed));
                executor.schedule(this, delayMs, TimeUnit.MILLISECONDS);
            } catch (RuntimeException e) {
                LOG.warnf(e, "replay of room %s stopped", roomId);
                send(connection, Map.of("type", "error", "error", Map.of("code", "unavailable", "message", "the replay stopped: " + e.getMessage())));
                replays.remove(connection.id());
            }
        }

        private EventView next() {
            while (buffer.isEmpty() && !exhausted) {
                EventPage page = rooms.events(roomId, userId, after, PAGE);
                buffer.addAll(page.events());
                exhausted = !page.hasMore();
                after = page.nextSince();
            }
            return buffer.poll();
        }
    }

    private void send(WebSocketConnection connection, Object frame) {
        try {
            connection.sendText(mapper.writeValueAsString(frame)).subscribe().with(ok -> {
            }, failure -> LOG.debugf("replay send failed: %s", failure.getMessage()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @PreDestroy
    void shutdown() {
        executor.shutdownNow();
    }
}
