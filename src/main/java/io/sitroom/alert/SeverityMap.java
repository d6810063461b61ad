package io.sitroom.alert;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.sitroom.room.Severity;

/**
 * The severity of an alert from the value its sender gave (Alertmanager's {@code severity} label, the
 * generic body's {@code severity}): a built-in table of the usual values, extended or overridden by
 * {@code sitroom.alerts.severity-map.*}. A value nobody listed never refuses an alert: it gets the
 * default, and the raw value stays in the event. Pure.
 */
public final class SeverityMap {

    /** The built-in table, in lower case. */
    static final Map<String, Severity> BUILT_IN = Map.ofEntries(
            Map.entry("sev1", Severity.SEV1), Map.entry("critical", Severity.SEV1), Map.entry("crit", Severity.SEV1),
            Map.entry("emergency", Severity.SEV1), Map.entry("emerg", Severity.SEV1), Map.entry("alert", Severity.SEV1),
            Map.entry("fatal", Severity.SEV1), Map.entry("disaster", Severity.SEV1), Map.entry("page", Severity.SEV1),
            Map.entry("p1", Severity.SEV1),
            Map.entry("sev2", Severity.SEV2), Map.entry("high", Severity.SEV2), Map.entry("error", Severity.SEV2),
            Map.entry("err", Severity.SEV2), Map.entry("major", Severity.SEV2), Map.entry("p2", Severity.SEV2),
            Map.entry("sev3", Severity.SEV3), Map.entry("warning", Severity.SEV3), Map.entry("warn", Severity.SEV3),
            Map.entry("medium", Severity.SEV3), Map.entry("moderate", Severity.SEV3), Map.entry("average", Severity.SEV3),
            Map.entry("minor", Severity.SEV3), Map.entry("ticket", Severity.SEV3), Map.entry("p3", Severity.SEV3),
            Map.entry("sev4", Severity.SEV4), Map.entry("low", Severity.SEV4), Map.entry("info", Severity.SEV4),
            Map.entry("informational", Severity.SEV4), Map.entry("notice", Severity.SEV4), Map.entry("debug", Severity.SEV4),
            Map.entry("trace", Severity.SEV4), Map.entry("none", Severity.SEV4), Map.entry("ok", Severity.SEV4),
            Map.entry("p4", Severity.SEV4), Map.entry("p5", Severity.SEV4));

    /** A severity and what it was read from. */
    public record Mapped(Severity severity, boolean known) {
    }

    private final Map<String, Severity> table;
    private final Optional<Severity> unknown;

    /** The built-in table with {@code overrides} (keys in any case) over it; {@code unknown} for values in neither. */
    public SeverityMap(Map<String, Severity> overrides, Optional<Severity> unknown) {
        Map<String, Severity> merged = new HashMap<>(BUILT_IN);
        overrides.forEach((value, severity) -> merged.put(key(value), severity));
        this.table = Map.copyOf(merged);
        this.unknown = unknown;
    }

    public static SeverityMap of(AlertConfig config) {
        return new SeverityMap(config.severityMap(), config.defaultSeverity());
    }

    /**
     * The severity for a raw value: from the table; for a value not in it, the configured default, or
     * else {@code integrationDefault}; for no value, {@code integrationDefault}.
     */
    public Mapped map(String raw, Severity integrationDefault) {
        if (raw == null || raw.isBlank()) {
            return new Mapped(integrationDefault, true);
        }
        Severity severity = table.get(key(raw));
        return severity != null ? new Mapped(severity, true) : new Mapped(unknown.orElse(integrationDefault), false);
    }

    private static String key(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }
}
