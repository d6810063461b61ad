package io.sitroom.verify;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.sitroom.json.CanonicalText;

/**
 * Verifies the hash chain of a Sitroom JSON export offline, with nothing but the JDK: for every
 * event it rebuilds the canonical JSON, recomputes {@code sha256(prevHash + canonical)} and checks
 * the links; a redacted event (one the exporter could not see) is checked as a link only.
 * Run it as {@code java -jar quarkus-run.jar verify export.json}. Kept free of any library on
 * purpose (the string and number rules it shares with the server, {@link CanonicalText}, are plain
 * JDK code too), so that an auditor can read and rerun it (docs/protocol.md, "Hash chain").
 */
public final class ExportVerifier {

    public static final String GENESIS = "0".repeat(64);

    /** The outcome: {@code firstBadSeq} is null when the chain is whole. */
    public record Result(boolean ok, int events, int redacted, String headHash, Long firstBadSeq, String reason) {
    }

    private ExportVerifier() {
    }

    /** The command line: exit 0 when the chain is whole, 1 when it is broken, 2 when the file cannot be read. */
    public static int run(String... args) {
        if (args.length != 1) {
            System.err.println("usage: java -jar quarkus-run.jar verify <export.json>");
            return 2;
        }
        try {
            Result result = verify(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8));
            if (result.ok()) {
                System.out.println("ok: " + result.events() + " events (" + result.redacted() + " redacted), head " + result.headHash());
                return 0;
            }
            System.out.println("BROKEN at seq " + result.firstBadSeq() + ": " + result.reason());
            return 1;
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("cannot verify " + args[0] + ": " + e.getMessage());
            return 2;
        }
    }

    @SuppressWarnings("unchecked")
    public static Result verify(String exportJson) {
        Map<String, Object> export = (Map<String, Object>) new Parser(exportJson).document();
        Map<String, Object> room = (Map<String, Object>) require(export, "room");
        Map<String, Object> chain = (Map<String, Object>) require(export, "chain");
        String roomId = (String) require(room, "id");
        List<Object> events = (List<Object>) require(chain, "events");
        String previous = chain.get("genesis") instanceof String g ? g : GENESIS;
        long expectedSeq = 1;
        int redacted = 0;
        for (Object item : events) {
            Map<String, Object> e = (Map<String, Object>) item;
            long seq = ((BigInteger) require(e, "seq")).longValueExact();
            String prevHash = (String) require(e, "prevHash");
            String hash = (String) require(e, "hash");
            if (seq != expectedSeq) {
                return broken(events.size(), redacted, seq, "expected seq " + expectedSeq);
            }
            if (!prevHash.equals(previous)) {
                return broken(events.size(), redacted, seq, "prevHash is not the hash of the event before it");
            }
            if (Boolean.TRUE.equals(e.get("redacted"))) {
                redacted++;
            } else if (!sha256(prevHash + canonicalEvent(roomId, e)).equals(hash)) {
                return broken(events.size(), redacted, seq, "the event's content does not match its hash");
            }
            previous = hash;
            expectedSeq = seq + 1;
        }
        Object headHash = chain.get("headHash");
        if (headHash != null && !headHash.equals(previous)) {
            return broken(events.size(), redacted, expectedSeq, "the head hash is not the last event's hash");
        }
        return new Result(true, events.size(), redacted, previous, null, null);
    }

    private static Result broken(int events, int redacted, long seq, String reason) {
        return new Result(false, events, redacted, null, seq, reason);
    }

    /** The object whose canonical JSON the hash covers, rebuilt from an exported event. */
    static String canonicalEvent(String roomId, Map<String, Object> e) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("roomId", roomId);
        event.put("seq", e.get("seq"));
        event.put("at", e.get("at"));
        event.put("kind", e.get("kind"));
        event.put("actor", e.get("actor"));
        event.put("commandId", e.get("commandId"));
        event.put("data", e.get("data"));
        event.put("visibleTo", e.get("visibleTo"));
        StringBuilder out = new StringBuilder();
        canonical(event, out);
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    static void canonical(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> entry : new TreeMap<>((Map<String, Object>) map).entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                CanonicalText.string(entry.getKey(), out);
                out.append(':');
                canonical(entry.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                canonical(list.get(i), out);
            }
            out.append(']');
        } else if (value instanceof String s) {
            CanonicalText.string(s, out);
        } else if (value instanceof BigInteger i) {
            out.append(i);
        } else if (value instanceof BigDecimal d) {
            out.append(CanonicalText.number(d));
        } else {
            out.append(value);
        }
    }

    static String sha256(String input) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object require(Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (value == null) {
            throw new IllegalArgumentException("the export has no '" + key + "'");
        }
        return value;
    }

    /** A small strict JSON reader: objects, arrays, strings, numbers (BigInteger or BigDecimal), true, false, null. */
    static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        Object document() {
            Object value = value();
            skipSpace();
            if (pos != text.length()) {
                throw error("trailing characters");
            }
            return value;
        }

        private Object value() {
            skipSpace();
            if (pos >= text.length()) {
                throw error("unexpected end");
            }
            char c = text.charAt(pos);
            return switch (c) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> number();
            };
        }

        private Map<String, Object> object() {
            Map<String, Object> map = new LinkedHashMap<>();
            pos++;
            skipSpace();
            if (peek() == '}') {
                pos++;
                return map;
            }
            while (true) {
                skipSpace();
                if (peek() != '"') {
                    throw error("expected a field name");
                }
                String key = string();
                skipSpace();
                expect(':');
                map.put(key, value());
                skipSpace();
                char c = next();
                if (c == '}') {
                    return map;
                }
                if (c != ',') {
                    throw error("expected ',' or '}'");
                }
            }
        }

        private List<Object> array() {
            List<Object> list = new ArrayList<>();
            pos++;
            skipSpace();
            if (peek() == ']') {
                pos++;
                return list;
            }
            while (true) {
                list.add(value());
                skipSpace();
                char c = next();
                if (c == ']') {
                    return list;
                }
                if (c != ',') {
                    throw error("expected ',' or ']'");
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\') {
                    char e = next();
                    switch (e) {
                        case '"', '\\', '/' -> out.append(e);
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'n' -> out.append('\n');
                        case 'r' -> out.append('\r');
                        case 't' -> out.append('\t');
                        case 'u' -> {
                            if (pos + 4 > text.length()) {
                                throw error("bad \\u escape");
                            }
                            out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                            pos += 4;
                        }
                        default -> throw error("bad escape");
                    }
                } else if (c < 0x20) {
                    throw error("control character in a string");
                } else {
                    out.append(c);
                }
            }
        }

        private Object number() {
            int start = pos;
            while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
            String n = text.substring(start, pos);
            if (n.isEmpty()) {
                throw error("unexpected character");
            }
            try {
                return n.contains(".") || n.contains("e") || n.contains("E") ? new BigDecimal(n) : new BigInteger(n);
            } catch (NumberFormatException e) {
                throw error("bad number '" + n + "'");
            }
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, pos)) {
                throw error("unexpected word");
            }
            pos += word.length();
            return value;
        }

        private void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private char peek() {
            if (pos >= text.length()) {
                throw error("unexpected end");
            }
            return text.charAt(pos);
        }

        private char next() {
            char c = peek();
            pos++;
            return c;
        }

        private void expect(char c) {
            if (next() != c) {
                throw error("expected '" + c + "'");
            }
        }

        private IllegalArgumentException error(String message) {
            return new IllegalArgumentException("not valid JSON at character " + pos + ": " + message);
        }
    }
}
