package io.sitroom.live;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.atomic.LongAdder;

import org.jboss.logging.Logger;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtension;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketBase;
import io.vertx.core.http.impl.WebSocketImplBase;

/**
 * Writes frames to one connection, with as little work per connection as the socket allows:
 * <ul>
 * <li>through Netty, when the channel under the connection can be reached: the frame's UTF-8 bytes
 * (encoded once for every connection) are wrapped, not copied or encoded again; and on a connection
 * that negotiated permessage-deflate, every data frame goes out already compressed (the frame's
 * shared compressed bytes, RSV1 set), so the channel's own compressor never runs: an event is
 * compressed once for all its connections, not once per connection;</li>
 * <li>through the Vert.x socket, or websockets-next's {@code sendText}, when it cannot (a Quarkus
 * upgrade that hides the socket): slower, never wrong.</li>
 * </ul>
 * Writes may come from any thread and reach the socket in the order they were made: one made off the
 * connection's event loop runs there as a task, and one made on the loop is written at once only when
 * no such task of this connection is still waiting (else it queues behind them), so a live event can
 * never overtake the welcome or the resumed history written from a worker.
 */
final class SocketWriter {

    private static final Logger LOG = Logger.getLogger(SocketWriter.class);
    private static final MethodHandle WEB_SOCKET = findSocketAccessor();
    /**
     * Vert.x Web hands websockets-next its socket wrapped (to answer for forwarded addresses), and the
     * wrapper hides the channel: its delegate is the socket that has one.
     */
    private static final String WRAPPER = "io.vertx.ext.web.impl.ServerWebSocketWrapper";
    private static final Class<?> WRAPPER_CLASS = findClass(WRAPPER);
    private static final MethodHandle UNWRAP = findDelegateAccessor();

    /**
     * Frames written straight to the connection's Netty channel (the frame's shared bytes, compressed once
     * for all connections), and frames written through the Vert.x socket or websockets-next (encoded, and
     * compressed, for each connection): {@code sitroom.frames.written}, by {@code path}.
     */
    static final LongAdder DIRECT = new LongAdder();
    static final LongAdder PER_CONNECTION = new LongAdder();
    /** Netty's permessage-deflate encoder, present in a channel's pipeline when the extension was negotiated. */
    private static final String DEFLATE_ENCODER = "PerMessageDeflateEncoder";

    /** How a write ended: called once, on any thread. */
    interface Done {
        void written(boolean ok, Throwable failure);
    }

    private final WebSocketConnection connection;
    private final WebSocketBase socket;
    private final ChannelHandlerContext channel;
    private final boolean deflate;
    /** Writes of this connection handed to its event loop and not run yet. */
    private final java.util.concurrent.atomic.AtomicInteger queued = new java.util.concurrent.atomic.AtomicInteger();

    private SocketWriter(WebSocketConnection connection, WebSocketBase socket, ChannelHandlerContext channel, boolean deflate) {
        this.connection = connection;
        this.socket = socket;
        this.channel = channel;
        this.deflate = deflate;
    }

    static SocketWriter of(WebSocketConnection connection) {
        WebSocketBase socket = socketOf(connection);
        ChannelHandlerContext channel = socket instanceof WebSocketImplBase<?> impl ? impl.channelHandlerContext() : null;
        boolean deflate = channel != null && negotiatedDeflate(channel) && precompressible(connection);
        return new SocketWriter(connection, socket, channel, deflate);
    }

    /** Whether this connection's frames go out compressed (permessage-deflate), each compressed once for everyone. */
    boolean deflates() {
        return deflate;
    }

    /** Writes a frame; {@code flush}: send it now (else with the next flushed write). */
    void write(EncodedFrame frame, boolean flush, Done done) {
        if (channel != null) {
            TextWebSocketFrame netty = deflate
                    ? new TextWebSocketFrame(true, WebSocketExtension.RSV1, Unpooled.wrappedBuffer(frame.deflated()))
                    : new TextWebSocketFrame(true, 0, Unpooled.wrappedBuffer(frame.utf8()));
            DIRECT.increment();
            onLoop(() -> {
                var promise = channel.newPromise().addListener(f -> done.written(f.isSuccess(), f.cause()));
                if (flush) {
                    channel.writeAndFlush(netty, promise);
                } else {
                    channel.write(netty, promise);
                }
            });
        } else if (socket != null) {
            PER_CONNECTION.increment();
            socket.writeTextMessage(frame.text()).onComplete(written -> done.written(written.succeeded(), written.cause()));
        } else {
            PER_CONNECTION.increment();
            connection.sendText(frame.text()).subscribe().with(ok -> done.written(true, null), failure -> done.written(false, failure));
        }
    }

    /** Sends what was written without flushing. */
    void flush() {
        if (channel != null) {
            onLoop(channel::flush);
        }
    }

    /** Runs a write on the connection's event loop, in the order writes were made (see the class comment). */
    private void onLoop(Runnable write) {
        var loop = channel.executor();
        if (loop.inEventLoop() && queued.get() == 0) {
            write.run();
            return;
        }
        queued.incrementAndGet();
        loop.execute(() -> {
            try {
                write.run();
            } finally {
                queued.decrementAndGet();
            }
        });
    }

    private static boolean negotiatedDeflate(ChannelHandlerContext channel) {
        for (var entry : channel.pipeline()) {
            ChannelHandler handler = entry.getValue();
            if (handler.getClass().getSimpleName().equals(DEFLATE_ENCODER)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A client may ask the server to compress with a smaller window ({@code server_max_window_bits});
     * the shared frames use the full one, so such a connection (no browser asks for it) is left to the
     * channel's own compressor.
     */
    private static boolean precompressible(WebSocketConnection connection) {
        String offered = connection.handshakeRequest().header("Sec-WebSocket-Extensions");
        return offered == null || !offered.contains("server_max_window_bits");
    }

    private static MethodHandle findSocketAccessor() {
        try {
            Class<?> base = Class.forName("io.quarkus.websockets.next.runtime.WebSocketConnectionBase");
            return MethodHandles.privateLookupIn(base, MethodHandles.lookup())
                    .findVirtual(base, "webSocket", MethodType.methodType(WebSocketBase.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.infof("writing frames through websockets-next's sendText (no direct socket: %s)", e.toString());
            return null;
        }
    }

    private static Class<?> findClass(String name) {
        try {
            return Class.forName(name, false, SocketWriter.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private static MethodHandle findDelegateAccessor() {
        if (WRAPPER_CLASS == null) {
            return null;
        }
        try {
            return MethodHandles.privateLookupIn(WRAPPER_CLASS, MethodHandles.lookup()).findGetter(WRAPPER_CLASS, "delegate",
                    ServerWebSocket.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.infof("writing frames through the Vert.x socket (its wrapper hides the channel: %s)", e.toString());
            return null;
        }
    }

    /**
     * The Vert.x socket under a websockets-next connection, unwrapped from Vert.x Web's wrapper. websockets-next
     * does not expose it, so it is reached through its package-private accessor; without it, frames go through
     * {@code sendText}.
     */
    private static WebSocketBase socketOf(WebSocketConnection connection) {
        if (WEB_SOCKET == null) {
            return null;
        }
        try {
            WebSocketBase socket = (WebSocketBase) WEB_SOCKET.invoke(connection);
            while (UNWRAP != null && WRAPPER_CLASS.isInstance(socket)) {
                socket = (WebSocketBase) UNWRAP.invoke(socket);
            }
            return socket;
        } catch (Throwable e) {
            return null;
        }
    }
}
