package io.sitroom.live;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

import org.jboss.logging.Logger;

import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.http.WebSocketBase;

/**
 * The Vert.x socket under a websockets-next connection, for the fan-out's hot path: writing to it
 * directly skips the Mutiny {@code Uni} (and its context propagation) that
 * {@link WebSocketConnection#sendText(String)} builds for every frame, which measurably adds to
 * the cost of each delivery (docs/benchmarks.md). websockets-next does not expose the socket, so it
 * is reached through its package-private accessor; if a Quarkus upgrade removes that, the fan-out
 * falls back to {@code sendText} (logged once at start) and only gets slower.
 */
final class DirectWrites {

    private static final Logger LOG = Logger.getLogger(DirectWrites.class);
    private static final MethodHandle WEB_SOCKET = find();

    private DirectWrites() {
    }

    private static MethodHandle find() {
        try {
            Class<?> base = Class.forName("io.quarkus.websockets.next.runtime.WebSocketConnectionBase");
            return MethodHandles.privateLookupIn(base, MethodHandles.lookup())
                    .findVirtual(base, "webSocket", MethodType.methodType(WebSocketBase.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.infof("writing frames through websockets-next's sendText (no direct socket: %s)", e.toString());
            return null;
        }
    }

    /** The connection's Vert.x socket, or null when it cannot be reached (then use sendText). */
    static WebSocketBase socketOf(WebSocketConnection connection) {
        if (WEB_SOCKET == null) {
            return null;
        }
        try {
            return (WebSocketBase) WEB_SOCKET.invoke(connection);
        } catch (Throwable e) {
            return null;
        }
    }
}
