package io.sitroom.verify;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sitroom.json.CanonicalForm;

/**
 * A JSON reader (RFC 8259) that accepts nothing a lenient reader would have to guess about, because
 * what it reads is hashed: duplicate keys (a lenient reader keeps one of them, so two readers could
 * verify different content), anything outside the grammar, and nesting deeper than
 * {@value #MAX_DEPTH} levels (a recursive reader would overflow its stack). It returns plain values
 * for {@link CanonicalForm}: {@link LinkedHashMap}, {@link ArrayList}, {@link String},
 * {@link BigInteger} for integers and {@link BigDecimal} for other numbers (both exact),
 * {@link Boolean}, and {@code null}. Every refusal is an {@link IllegalArgumentException} whose
 * message says what and where in one line.
 */
final class StrictJson {

    static final int MAX_DEPTH = 512;

    /** Far beyond any number the server writes (doubles, or integers of at most 1000 digits), short of exhausting memory. */
    static final int MAX_NUMBER_DIGITS = 10_000;

    private final String text;
    private int pos;
    /** Where the reader is, as keys and indexes, for messages. */
    private final List<Object> path = new ArrayList<>();

    private StrictJson(String text) {
        this.text = text;
    }

    static Object read(String text) {
        StrictJson reader = new StrictJson(text);
        Object value = reader.value();
        reader.skipSpace();
        if (reader.pos != text.length()) {
            throw reader.invalid("trailing data after the document");
        }
        return value;
    }

    private Object value() {
        skipSpace();
        char c = peek();
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || c >= '0' && c <= '9') {
                    yield number();
                }
                throw invalid("unexpected " + describe(c));
            }
        };
    }

    private Map<String, Object> object() {
        enter();
        Map<String, Object> map = new LinkedHashMap<>();
        pos++;
        skipSpace();
        if (peek() == '}') {
            pos++;
            path.remove(path.size() - 1);
            return map;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw invalid("expected a field name in quotes");
            }
            int keyAt = pos;
            String key = string();
            if (map.containsKey(key)) {
                pos = keyAt;
                path.remove(path.size() - 1);
                throw error("duplicate key " + quoted(key));
            }
            skipSpace();
            expect(':');
            path.set(path.size() - 1, key);
            map.put(key, value());
            skipSpace();
            char c = next();
            if (c == '}') {
                path.remove(path.size() - 1);
                return map;
            }
            if (c != ',') {
                pos--;
                throw invalid("expected ',' or '}' but found " + describe(c));
            }
        }
    }

    private List<Object> array() {
        enter();
        List<Object> list = new ArrayList<>();
        pos++;
        skipSpace();
        if (peek() == ']') {
            pos++;
            path.remove(path.size() - 1);
            return list;
        }
        while (true) {
            path.set(path.size() - 1, list.size());
            list.add(value());
            skipSpace();
            char c = next();
            if (c == ']') {
                path.remove(path.size() - 1);
                return list;
            }
            if (c != ',') {
                pos--;
                throw invalid("expected ',' or ']' but found " + describe(c));
            }
        }
    }

    /** One level deeper: a placeholder on the path that the first key or index replaces. */
    private void enter() {
        if (path.size() >= MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH + " levels");
        }
        path.add(null);
    }

    private String string() {
        pos++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw invalid("a string is not closed");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c == '\\') {
                if (pos >= text.length()) {
                    throw invalid("a string is not closed");
                }
                char e = text.charAt(pos++);
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    // Lone surrogates stay as they are: a Java string holds them, and the server's reader does the same.
                    case 'u' -> out.append(hex4());
                    default -> {
                        pos -= 2;
                        throw invalid("bad escape \\" + e);
                    }
                }
            } else if (c < 0x20) {
                pos--;
                throw invalid("a control character in a string (it must be escaped)");
            } else {
                out.append(c);
            }
        }
    }

    private char hex4() {
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = pos + i < text.length() ? hexDigit(text.charAt(pos + i)) : -1;
            if (digit < 0) {
                pos -= 2;
                throw invalid("bad \\u escape (it takes four hex digits)");
            }
            value = value * 16 + digit;
        }
        pos += 4;
        return (char) value;
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    /** {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?}, exactly. */
    private Object number() {
        int start = pos;
        if (text.charAt(pos) == '-') {
            pos++;
        }
        if (pos < text.length() && text.charAt(pos) == '0') {
            pos++;
            if (pos < text.length() && isDigit(text.charAt(pos))) {
                pos = start;
                throw invalid("a number with a leading zero");
            }
        } else if (!digits()) {
            pos = start;
            throw invalid("'-' without digits");
        }
        boolean integer = true;
        if (pos < text.length() && text.charAt(pos) == '.') {
            pos++;
            integer = false;
            if (!digits()) {
                pos = start;
                throw invalid("a number without digits after '.'");
            }
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            pos++;
            integer = false;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            if (!digits()) {
                pos = start;
                throw invalid("a number without digits in its exponent");
            }
        }
        String n = text.substring(start, pos);
        if (integer) {
            if (n.length() > MAX_NUMBER_DIGITS + 1) {
                pos = start;
                throw error("the number " + shorten(n) + " has more than " + MAX_NUMBER_DIGITS + " digits");
            }
            return new BigInteger(n);
        }
        BigDecimal d;
        try {
            d = new BigDecimal(n);
        } catch (NumberFormatException e) {
            pos = start;
            throw error("the number " + shorten(n) + " is out of range");
        }
        BigDecimal stripped = d.stripTrailingZeros();
        // Written out without an exponent (as the canonical form does) it would fill memory.
        if ((long) stripped.precision() + Math.abs((long) stripped.scale()) > MAX_NUMBER_DIGITS) {
            pos = start;
            throw error("the number " + shorten(n) + " has more than " + MAX_NUMBER_DIGITS + " digits written out");
        }
        return d;
    }

    private boolean digits() {
        int start = pos;
        while (pos < text.length() && isDigit(text.charAt(pos))) {
            pos++;
        }
        return pos > start;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) {
            throw invalid("expected " + word);
        }
        pos += word.length();
        return value;
    }

    /** JSON's four white-space characters, and no others. */
    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private char peek() {
        if (pos >= text.length()) {
            throw invalid("unexpected end of the file");
        }
        return text.charAt(pos);
    }

    private char next() {
        char c = peek();
        pos++;
        return c;
    }

    private void expect(char c) {
        char found = peek();
        if (found != c) {
            throw invalid("expected '" + c + "' but found " + describe(found));
        }
        pos++;
    }

    private IllegalArgumentException invalid(String what) {
        return error("invalid JSON: " + what);
    }

    private IllegalArgumentException error(String what) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < pos && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        String where = path(path);
        return new IllegalArgumentException(what + (where.isEmpty() ? "" : " in " + where) + " at line " + line + ", column "
                + (pos - lineStart + 1));
    }

    /** A path such as {@code chain.events[3].data}, cut short when it is long. */
    static String path(List<Object> segments) {
        StringBuilder out = new StringBuilder();
        for (Object segment : segments) {
            if (segment instanceof Integer index) {
                out.append('[').append(index).append(']');
            } else if (segment instanceof String key) {
                if (key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    out.append(out.isEmpty() ? "" : ".").append(key);
                } else {
                    out.append('[').append(quoted(key)).append(']');
                }
            }
            if (out.length() > 120) {
                return out.substring(0, 120) + "...";
            }
        }
        return out.toString();
    }

    /** A key as a JSON string (so a line break in it cannot break the one-line message), cut short when it is long. */
    static String quoted(String key) {
        return CanonicalForm.write(key.length() > 60 ? key.substring(0, 60) + "..." : key);
    }

    private static String shorten(String number) {
        return number.length() > 40 ? number.substring(0, 40) + "..." : number;
    }

    private static String describe(char c) {
        return c < 0x20 || c > 0x7e ? String.format("character U+%04X", (int) c) : "'" + c + "'";
    }
}
