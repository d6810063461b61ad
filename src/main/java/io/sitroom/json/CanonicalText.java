package io.sitroom.json;

import java.math.BigDecimal;

/**
 * The canonical form's rules for strings and numbers, in plain JDK code: shared by the server's
 * {@link CanonicalJson} and the offline export verifier, so both hash exactly the same text.
 */
public final class CanonicalText {

    private CanonicalText() {
    }

    /** A JSON string with the minimal escapes; other control characters as lower-case six-character escapes. */
    public static void string(String s, StringBuilder out) {
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
    public static String number(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
