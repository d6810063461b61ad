package io.sitroom.retro;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.sitroom.error.SitroomException;
import io.sitroom.live.LiveSessions;
import io.sitroom.security.Caller;
import io.smallrye.common.annotation.Blocking;

/**
 * {@code /ws/rooms/{roomId}/replay?speed=S&from=N}: a read-only replay of a finished room (the same
 * upgrade check as the live room). Translates and delegates to {@link ReplayService}.
 */
@WebSocket(path = "/ws/rooms/{roomId}/replay", endpointId = "replay")
public class ReplaySocket {

    private final ReplayService replays;

    public ReplaySocket(ReplayService replays) {
        this.replays = replays;
    }

    @OnOpen
    @Blocking
    public void onOpen(WebSocketConnection connection) {
        Caller caller = connection.userData().get(LiveSessions.CALLER);
        UUID roomId = UUID.fromString(connection.pathParam("roomId"));
        try {
            Map<String, String> query = query(connection.handshakeRequest().query());
            double speed = query.containsKey("speed") ? Double.parseDouble(query.get("speed")) : 1;
            if (!(speed >= 0.1 && speed <= 1000)) {
                throw SitroomException.invalid("speed must be from 0.1 to 1000");
            }
            long from = query.containsKey("from") ? Long.parseLong(query.get("from")) : 0;
            replays.requireReplayable(roomId, caller.userId());
            replays.start(connection, roomId, caller.userId(), speed, Math.max(0, from));
        } catch (NumberFormatException e) {
            replays.refuse(connection, "invalid", "speed and from must be numbers");
        } catch (SitroomException e) {
            replays.refuse(connection, e.code().wire(), e.getMessage());
        }
    }

    @OnTextMessage
    public String onText(String message) {
        return "{\"type\":\"error\",\"error\":{\"code\":\"forbidden\",\"message\":\"a replay is read-only\"}}";
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        replays.stop(connection);
    }

    private static Map<String, String> query(String query) {
        Map<String, String> params = new HashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }
}
