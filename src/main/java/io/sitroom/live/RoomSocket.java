package io.sitroom.live;

import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnPongMessage;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.common.annotation.NonBlocking;
import io.vertx.core.buffer.Buffer;

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

    /** The answer to {@link DeadPeers}' ping. */
    @OnPongMessage
    @NonBlocking
    public void onPong(Buffer data, WebSocketConnection connection) {
        sessions.heard(connection);
    }

    /** A failure of the connection: a message over the size limit closes it with 1009, anything else is logged. */
    @OnError
    @NonBlocking
    public void onError(Throwable failure, WebSocketConnection connection) {
        sessions.failed(connection, failure);
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        sessions.close(connection);
    }
}
