package io.sitroom.search;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.sitroom.error.SitroomException;
import io.sitroom.room.Phase;
import io.sitroom.room.RoomKind;
import io.sitroom.room.Severity;

/**
 * A search as asked: words ({@code q}), and filters on the rooms: kind, severity, incident type, phase,
 * opened from/to (an instant or a date, UTC), and custom field values ({@code field.<id>=value}).
 */
public record SearchQuery(String q, List<String> terms, RoomKind kind, Severity severity, String type, Phase phase, Instant from,
        Instant to, Map<String, String> fields) {

    static final int MAX_TERMS = 10;

    public static SearchQuery of(String q, String kind, String severity, String type, String phase, String from, String to,
            Map<String, String> fields) {
        String text = q == null ? "" : q.strip();
        if (text.length() > 200) {
            throw SitroomException.invalid("q is longer than 200 characters");
        }
        if (fields.size() > 10) {
            throw SitroomException.invalid("at most 10 field filters");
        }
        return new SearchQuery(text, terms(text), blank(kind) ? null : roomKind(kind), blank(severity) ? null : Severity.of(severity),
                blank(type) ? null : type.strip(), blank(phase) ? null : Phase.of(phase), time(from, "from", false), time(to, "to", true),
                Map.copyOf(fields));
    }

    /** The words of {@code q}, lower case: runs of letters and digits. */
    static List<String> terms(String q) {
        List<String> terms = new ArrayList<>();
        for (String word : q.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty() && !terms.contains(word) && terms.size() < MAX_TERMS) {
                terms.add(word);
            }
        }
        return List.copyOf(terms);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static RoomKind roomKind(String value) {
        try {
            return RoomKind.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw SitroomException.invalid("kind must be incident or exercise, not '" + value + "'");
        }
    }

    /** An instant, or a date (its start for {@code from}, its end for {@code to}). */
    private static Instant time(String value, String name, boolean endOfDay) {
        if (blank(value)) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            try {
                LocalDate date = LocalDate.parse(value.strip());
                return (endOfDay ? date.plusDays(1) : date).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notADate) {
                throw SitroomException.invalid(name + " must be a date (2026-12-01) or an instant (2026-12-01T10:00:00Z), not '" + value + "'");
            }
        }
    }
}
