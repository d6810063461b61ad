package io.sitroom.room;

import java.util.Collection;

import io.sitroom.error.SitroomException;

/**
 * Validation helpers for command records: each failure is an {@code invalid} refusal naming the field.
 * Text may hold line breaks and tabs, never other control characters (a NUL the database refuses,
 * escape sequences that would forge a terminal or a log).
 */
public final class Fields {

    private Fields() {
    }

    public static <T> T required(T value, String field) {
        if (value == null) {
            throw SitroomException.invalid("field '" + field + "' is required");
        }
        return value;
    }

    /** A required, non-blank text of at most {@code max} characters, trimmed. */
    public static String text(String value, String field, int max) {
        required(value, field);
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            throw SitroomException.invalid("field '" + field + "' must not be blank");
        }
        return maxLength(trimmed, field, max);
    }

    /** An optional text of at most {@code max} characters, trimmed; blank becomes null. */
    public static String optionalText(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return maxLength(value.strip(), field, max);
    }

    public static <C extends Collection<?>> C nonEmpty(C values, String field) {
        required(values, field);
        if (values.isEmpty()) {
            throw SitroomException.invalid("field '" + field + "' must not be empty");
        }
        if (values.stream().anyMatch(java.util.Objects::isNull)) {
            throw SitroomException.invalid("field '" + field + "' must not contain null");
        }
        return values;
    }

    private static String maxLength(String value, String field, int max) {
        if (value.length() > max) {
            throw SitroomException.invalid("field '" + field + "' is longer than " + max + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c >= 0x7f && c <= 0x9f) {
                throw SitroomException.invalid("field '" + field + "' holds a control character (U+" + String.format("%04X", (int) c)
                        + "); only line breaks and tabs are allowed");
            }
        }
        return value;
    }
}
