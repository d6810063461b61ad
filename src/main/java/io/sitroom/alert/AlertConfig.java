package io.sitroom.alert;

import java.util.Map;
import java.util.Optional;

import io.sitroom.room.Severity;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How alert intake reads severities and which alerts share a room. */
@ConfigMapping(prefix = "sitroom.alerts")
public interface AlertConfig {

    /**
     * The severity of an alert whose severity label (or field) holds a value the map does not know; when
     * unset, the integration's own default severity (which an alert without any severity also gets).
     */
    Optional<Severity> defaultSeverity();

    /** Label values (any case) and their severity, over the built-in table of {@link SeverityMap}. */
    Map<String, Severity> severityMap();

    /** One room per Alertmanager group ({@code groupKey}), or one room per alert (fingerprint). */
    @WithDefault("group")
    Grouping grouping();

    enum Grouping {
        GROUP,
        ALERT
    }
}
