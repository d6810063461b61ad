package io.sitroom.clock;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times on the wire, in the hash chain and in every answer: UTC, always with milliseconds ({@code 2026-11-29T15:04:05.123Z}). */
public final class WireTime {

    public static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private WireTime() {
    }

    public static String format(Instant at) {
        return FORMAT.format(at);
    }

    /** As {@link #format}, null for null. */
    public static String formatOrNull(Instant at) {
        return at == null ? null : FORMAT.format(at);
    }
}
