package io.sitroom.live;

import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.common.annotation.NonBlocking;

/** {@code /ws/rooms/{roomId}}: the live room. Translates and delegates to {@link LiveSessions}. */
@WebSocket(path = "/ws/rooms/{roomId}", endpointId = RoomSocket.ENDPOINT_ID)
public class RoomSocket {

    static final String ENDPOINT_ID = "room";

    private final LiveSessions sessions;

    public RoomSocket(LiveSessions sessions) {
        this.sessions = sessions;
    }

    @OnOpen
    @Blocking
    public void onOpen(WebSocketConnection connection) {
        sessions.open(connection);
    }

    /** Reads, decodes and queues a frame on the event loop; nothing here waits for the database. */
    @OnTextMessage
    @NonBlocking
    public void onText(String message, WebSocketConnection connection) {
        sessions.receive(connection, message);
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        sessions.close(connection);
    }
}
