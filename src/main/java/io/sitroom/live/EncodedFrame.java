package io.sitroom.live;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;

/**
 * A text frame encoded once, for every connection that gets it: its UTF-8 bytes, and, on first need,
 * the same compressed for the WebSocket permessage-deflate extension (RFC 7692). The compressed form
 * is one self-contained deflate segment (a fresh compressor, flushed, the {@code 00 00 ff ff} tail
 * removed): it refers to nothing before it, so it is valid on every connection, whatever that
 * connection's earlier messages were, and an event going to 500 browsers is compressed once, not 500
 * times.
 */
final class EncodedFrame {

    /** Compression level 6: what Vert.x compresses with by default; the cost is paid once per event. */
    static final int LEVEL = 6;
    private static final byte[] TAIL = { 0, 0, (byte) 0xff, (byte) 0xff };
    private static final ThreadLocal<Deflater> DEFLATERS = ThreadLocal.withInitial(() -> new Deflater(LEVEL, true));

    private final String text;
    private final byte[] utf8;
    private volatile byte[] deflated;

    private EncodedFrame(String text) {
        this.text = text;
        this.utf8 = text.getBytes(StandardCharsets.UTF_8);
    }

    static EncodedFrame of(String text) {
        return new EncodedFrame(text);
    }

    String text() {
        return text;
    }

    byte[] utf8() {
        return utf8;
    }

    /** The permessage-deflate payload, compressed on the first call only. */
    byte[] deflated() {
        byte[] result = deflated;
        if (result == null) {
            synchronized (this) {
                result = deflated;
                if (result == null) {
                    result = deflate(utf8);
                    deflated = result;
                }
            }
        }
        return result;
    }

    /** Raw deflate of {@code input}, sync-flushed, without its final empty block's tail (RFC 7692, 7.2.1). */
    static byte[] deflate(byte[] input) {
        Deflater deflater = DEFLATERS.get();
        deflater.reset();
        deflater.setInput(input);
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, input.length / 2));
        byte[] chunk = new byte[Math.max(256, Math.min(input.length + 64, 64 * 1024))];
        int written;
        do {
            written = deflater.deflate(chunk, 0, chunk.length, Deflater.SYNC_FLUSH);
            out.write(chunk, 0, written);
        } while (written == chunk.length);
        byte[] all = out.toByteArray();
        int length = all.length;
        if (length >= TAIL.length && all[length - 4] == TAIL[0] && all[length - 3] == TAIL[1] && all[length - 2] == TAIL[2]
                && all[length - 1] == TAIL[3]) {
            length -= TAIL.length;
        }
        return java.util.Arrays.copyOf(all, length);
    }
}
