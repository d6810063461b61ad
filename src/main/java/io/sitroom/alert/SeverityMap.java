package io.sitroom.alert;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.sitroom.room.Severity;
import io.sitroom.room.Taxonomy;

/**
 * The severity of an alert from the value its sender gave (Alertmanager's {@code severity} label, the
 * generic body's {@code severity}): the deployment's severity ids and aliases, a built-in table of the
 * usual values, extended or overridden by
 * {@code sitroom.alerts.severity-map.*}. A value nobody listed never refuses an alert: it gets the
 * default, and the raw value stays in the event. Pure.
 */
public final class SeverityMap {

    /**
     * The built-in table, in lower case: the usual values and their place on a four-step scale, 0 the worst
     * ({@link Taxonomy#onScale} puts them on the deployment's list, SEV1 to SEV4 by default).
     */
    static final Map<String, Integer> BUILT_IN = Map.ofEntries(
            Map.entry("sev1", 0), Map.entry("critical", 0), Map.entry("crit", 0), Map.entry("emergency", 0),
            Map.entry("emerg", 0), Map.entry("alert", 0), Map.entry("fatal", 0), Map.entry("disaster", 0), Map.entry("page", 0),
            Map.entry("p1", 0), Map.entry("sev2", 1), Map.entry("high", 1), Map.entry("error", 1), Map.entry("err", 1),
            Map.entry("major", 1), Map.entry("p2", 1), Map.entry("sev3", 2), Map.entry("warning", 2), Map.entry("warn", 2),
            Map.entry("medium", 2), Map.entry("moderate", 2), Map.entry("average", 2), Map.entry("minor", 2),
            Map.entry("ticket", 2), Map.entry("p3", 2), Map.entry("sev4", 3), Map.entry("low", 3), Map.entry("info", 3),
            Map.entry("informational", 3), Map.entry("notice", 3), Map.entry("debug", 3), Map.entry("trace", 3),
            Map.entry("none", 3), Map.entry("ok", 3), Map.entry("p4", 3), Map.entry("p5", 3));

    private static final int SCALE = 4;

    /** A severity and what it was read from. */
    public record Mapped(Severity severity, boolean known) {
    }

    private final Map<String, Severity> table;
    private final Optional<Severity> unknown;

    /**
     * The deployment's severities by id and alias, then the built-in table on its scale, with {@code overrides}
     * (keys in any case) over both; {@code unknown} for values in none. Refuses a severity not in the taxonomy.
     */
    public SeverityMap(Taxonomy taxonomy, Map<String, Severity> overrides, Optional<Severity> unknown) {
        Map<String, Severity> merged = new HashMap<>();
        BUILT_IN.forEach((value, place) -> merged.put(value, taxonomy.onScale(place, SCALE)));
        for (Taxonomy.Level level : taxonomy.severities()) {
            merged.put(key(level.id().id()), level.id());
            level.aliases().forEach(alias -> merged.put(key(alias), level.id()));
        }
        overrides.forEach((value, severity) -> merged.put(key(value), taxonomy.choose(severity)));
        this.table = Map.copyOf(merged);
        this.unknown = unknown.map(taxonomy::choose);
    }

    public static SeverityMap of(Taxonomy taxonomy, AlertConfig config) {
        return new SeverityMap(taxonomy, config.severityMap(), config.defaultSeverity());
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
