package io.sitroom.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A WebSocket client that offers permessage-deflate exactly as Chromium does
 * ({@code permessage-deflate; client_max_window_bits}) and reads frames as a browser does: one
 * inflater for the whole connection (the server may keep its context), each compressed message
 * followed by the {@code 00 00 ff ff} tail RFC 7692 has the sender remove. It reports, per message,
 * whether it came compressed and its size on the wire, so tests can see what a browser receives.
 */
public final class DeflateWsClient implements AutoCloseable {

    /** One message as received: its text, whether it was compressed (RSV1), and its payload bytes on the wire. */
    public record Message(String text, boolean compressed, int wireBytes) {
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final Inflater inflater = new Inflater(true);
    private final SecureRandom random = new SecureRandom();
    private final String extensions;

    private DeflateWsClient(Socket socket, String extensions) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        this.extensions = extensions;
    }

    /** Opens {@code path} (e.g. {@code /ws/rooms/<id>}) on localhost with a bearer token. */
    public static DeflateWsClient connect(int port, String path, String token) throws IOException {
        Socket socket = new Socket("localhost", port);
        socket.setSoTimeout(10_000);
        byte[] key = new byte[16];
        new SecureRandom().nextBytes(key);
        String request = "GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\nAuthorization: Bearer " + token + "\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        String head = readHead(socket.getInputStream());
        if (!head.startsWith("HTTP/1.1 101")) {
            socket.close();
            throw new IOException("upgrade refused: " + head.lines().findFirst().orElse(head));
        }
        String extensions = head.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith("sec-websocket-extensions:"))
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("");
        return new DeflateWsClient(socket, extensions);
    }

    /** What the server answered in {@code Sec-WebSocket-Extensions}. */
    public String extensions() {
        return extensions;
    }

    /** The next data message (pings are answered, a close ends with null). */
    public Message next() throws IOException {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        boolean compressed = false;
        boolean first = true;
        while (true) {
            int b0 = in.readUnsignedByte();
            int b1 = in.readUnsignedByte();
            boolean fin = (b0 & 0x80) != 0;
            int opcode = b0 & 0x0f;
            long length = b1 & 0x7f;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            byte[] data = in.readNBytes((int) length);
            if (opcode == 0x8) {
                return null;
            }
            if (opcode == 0x9) {
                send(0xA, data);
                continue;
            }
            if (opcode == 0xA) {
                continue;
            }
            if (first) {
                compressed = (b0 & 0x40) != 0;
                first = false;
            }
            payload.write(data);
            if (fin) {
                break;
            }
        }
        byte[] bytes = payload.toByteArray();
        String text = compressed ? inflate(bytes) : new String(bytes, StandardCharsets.UTF_8);
        return new Message(text, compressed, bytes.length);
    }

    /** Sends a text message, uncompressed (a client may, whatever was negotiated). */
    public void sendText(String text) throws IOException {
        send(0x1, text.getBytes(StandardCharsets.UTF_8));
    }

    private String inflate(byte[] bytes) throws IOException {
        byte[] input = new byte[bytes.length + 4];
        System.arraycopy(bytes, 0, input, 0, bytes.length);
        input[bytes.length + 2] = (byte) 0xff;
        input[bytes.length + 3] = (byte) 0xff;
        inflater.setInput(input);
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        try {
            while (!inflater.needsInput()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && inflater.needsInput()) {
                    break;
                }
                text.write(chunk, 0, n);
            }
        } catch (DataFormatException e) {
            throw new IOException("the server's compressed message does not inflate: " + e.getMessage(), e);
        }
        return text.toString(StandardCharsets.UTF_8);
    }

    private synchronized void send(int opcode, byte[] data) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x80 | opcode);
        if (data.length < 126) {
            frame.write(0x80 | data.length);
        } else if (data.length < 65536) {
            frame.write(0x80 | 126);
            frame.write(data.length >>> 8);
            frame.write(data.length & 0xff);
        } else {
            frame.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) ((long) data.length >>> shift) & 0xff);
            }
        }
        byte[] mask = new byte[4];
        random.nextBytes(mask);
        frame.write(mask);
        for (int i = 0; i < data.length; i++) {
            frame.write(data[i] ^ mask[i % 4]);
        }
        out.write(frame.toByteArray());
        out.flush();
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed during the upgrade");
            }
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3)) ? matched + 1 : 0;
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        socket.close();
    }
}
