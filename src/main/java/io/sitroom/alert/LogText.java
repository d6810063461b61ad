package io.sitroom.alert;

/**
 * Text from a request made safe for one log line: control characters (line breaks included, which
 * would forge further lines), Unicode line separators and bidirectional overrides are written as
 * {@code \}{@code uXXXX} escapes, and the whole is cut at {@value #MAX} characters.
 */
final class LogText {

    static final int MAX = 300;

    private LogText() {
    }

    static String safe(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX) + 16);
        int i = 0;
        for (; i < text.length() && out.length() < MAX; i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c >= '\u202a' && c <= '\u202e'
                    || c >= '\u2066' && c <= '\u2069' || c == '\\') {
                out.append(c == '\\' ? "\\\\" : String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return i < text.length() ? out + "..." : out.toString();
    }
}
