package io.sitroom.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The canonical JSON form that event hashes are computed over (docs/protocol.md, "Hash chain"):
 * object keys sorted by UTF-16 code units, no insignificant white space, strings with the minimal
 * JSON escapes (other control characters as lower-case six-character escapes), integers as plain
 * digits and other numbers as their shortest plain decimal (no exponent, no trailing zeros).
 * <p>
 * This is the only place that defines those rules. It writes plain Java values, not a library's
 * tree, and uses nothing but the JDK, so that the server (through {@link CanonicalJson}) and the
 * offline export verifier, which must run on a bare JDK, hash exactly the same text.
 */
public final class CanonicalForm {

    private CanonicalForm() {
    }

    /**
     * The canonical JSON of a plain value: {@code null}, {@link Boolean}, {@link String},
     * {@link BigInteger} (or {@link Long}, {@link Integer}, {@link Short}, {@link Byte}) for integers,
     * {@link BigDecimal} for other numbers, a {@link Map} with string keys, or a {@link List}.
     *
     * @throws IllegalArgumentException for any other value: guessing its JSON would make a hash nobody can reproduce
     */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder(256);
        write(value, out);
        return out.toString();
    }

    public static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> map) {
            object(map, out);
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof BigInteger || value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            out.append(value);
        } else if (value instanceof BigDecimal d) {
            out.append(number(d));
        } else {
            throw new IllegalArgumentException("no canonical JSON for a " + value.getClass().getName());
        }
    }

    private static void object(Map<?, ?> map, StringBuilder out) {
        List<String> keys = new ArrayList<>(map.size());
        for (Object key : map.keySet()) {
            if (!(key instanceof String name)) {
                throw new IllegalArgumentException("an object's keys must be strings, not " + key);
            }
            keys.add(name);
        }
        // String's natural order compares UTF-16 code units, which is what the protocol specifies.
        keys.sort(null);
        out.append('{');
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            string(keys.get(i), out);
            out.append(':');
            write(map.get(keys.get(i)), out);
        }
        out.append('}');
    }

    /** A JSON string with the minimal escapes; other control characters as lower-case six-character escapes. */
    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** A non-integral number as its shortest plain decimal: no exponent, no trailing zeros. */
    private static String number(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
