package io.sitroom.msel;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Scenario time as the MSEL writes it: an offset in the scenario format ({@code 1h30m}) and as {@code D+0 H+1 M+30}. */
public final class MselTimes {

    private static final Pattern DAY_TIME = Pattern.compile("(?i)\\s*D\\+(\\d{1,3})\\s+H\\+(\\d{1,2})\\s+M\\+(\\d{1,2})(?:\\s+S\\+(\\d{1,2}))?\\s*");

    private MselTimes() {
    }

    /** {@code 1h30m}, {@code 45s}, {@code 0m}: what a scenario file's duration fields read. */
    public static String offset(Duration d) {
        long s = d.toSeconds();
        StringBuilder out = new StringBuilder();
        if (s >= 3600) {
            out.append(s / 3600).append('h');
        }
        if (s % 3600 >= 60) {
            out.append(s % 3600 / 60).append('m');
        }
        if (s % 60 > 0) {
            out.append(s % 60).append('s');
        }
        return out.isEmpty() ? "0m" : out.toString();
    }

    /** {@code D+1 H+2 M+30}, with {@code S+n} only when there are seconds. */
    public static String dayTime(Duration d) {
        long s = d.toSeconds();
        String text = "D+" + s / 86_400 + " H+" + s % 86_400 / 3600 + " M+" + s % 3600 / 60;
        return s % 60 == 0 ? text : text + " S+" + s % 60;
    }

    private static final Pattern OFFSET = Pattern.compile("(?:(\\d{1,4})h)?(?:(\\d{1,5})m)?(?:(\\d{1,6})s)?");

    /** The duration of an offset cell ({@code 1h30m}, or ISO {@code PT1H30M}), or null when it is neither. */
    public static Duration parseOffset(String text) {
        String value = text.strip();
        Matcher m = OFFSET.matcher(value);
        if (m.matches() && !value.isEmpty()) {
            return Duration.ofSeconds(number(m, 1) * 3600 + number(m, 2) * 60 + number(m, 3));
        }
        try {
            return Duration.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static long number(Matcher m, int group) {
        return m.group(group) == null ? 0 : Long.parseLong(m.group(group));
    }

    /** The duration of a {@code D+ H+ M+} cell, or null when it is not of that form. */
    public static Duration parseDayTime(String text) {
        Matcher m = DAY_TIME.matcher(text);
        if (!m.matches()) {
            return null;
        }
        long seconds = Long.parseLong(m.group(1)) * 86_400 + Long.parseLong(m.group(2)) * 3600 + Long.parseLong(m.group(3)) * 60
                + (m.group(4) == null ? 0 : Long.parseLong(m.group(4)));
        return Duration.ofSeconds(seconds);
    }
}
