package io.sitroom.alert;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sitroom.crypto.Sha256;
import io.sitroom.room.Severity;

/**
 * Which alerts share a room, and what a room opened for them is called. By default one room per
 * Alertmanager group ({@code groupKey}); with {@code sitroom.alerts.grouping=alert}, or for an alert
 * that comes without a group (a generic alert, a notification without {@code groupKey}), one room per
 * alert (its fingerprint). Pure.
 */
public final class AlertGrouping {

    private AlertGrouping() {
    }

    /** The notification's alerts by the key of the room they go to, in the order of the body. */
    public static Map<String, List<IncomingAlert>> groups(AlertConfig.Grouping grouping, AlertPayload.Notification notification) {
        Map<String, List<IncomingAlert>> groups = new LinkedHashMap<>();
        for (IncomingAlert alert : notification.alerts()) {
            groups.computeIfAbsent(key(grouping, notification.groupKey(), alert), k -> new ArrayList<>()).add(alert);
        }
        return groups;
    }

    /** At most 300 characters (the key column): a group key of any length goes in as its hash. */
    static String key(AlertConfig.Grouping grouping, String groupKey, IncomingAlert alert) {
        return grouping == AlertConfig.Grouping.GROUP && groupKey != null && !groupKey.isEmpty() ? "group:" + Sha256.hex(groupKey)
                : "alert:" + alert.fingerprint();
    }

    /** The severity of a room opened for these alerts: the worst of those firing (of all, if none is), by the deployment's order. */
    public static Severity severity(List<IncomingAlert> alerts, Comparator<Severity> worstFirst) {
        List<IncomingAlert> firing = firing(alerts);
        return (firing.isEmpty() ? alerts : firing).stream().map(IncomingAlert::severity).min(worstFirst).orElseThrow();
    }

    /**
     * The title of a room opened for these alerts: the alert's own title for one firing alert; for
     * more, the group's common summary or alert name (else the worst alert's title) and how many fire.
     */
    public static String title(AlertPayload.Notification notification, List<IncomingAlert> alerts, Comparator<Severity> worstFirst) {
        List<IncomingAlert> firing = firing(alerts);
        List<IncomingAlert> named = firing.isEmpty() ? alerts : firing;
        IncomingAlert worst = named.stream().min(Comparator.comparing(IncomingAlert::severity, worstFirst)).orElseThrow();
        if (named.size() == 1) {
            return worst.title();
        }
        String common = notification.commonAnnotations().get("summary");
        if (common == null || common.isBlank()) {
            common = notification.commonLabels().get("alertname");
        }
        String base = common == null || common.isBlank() ? worst.title() : common;
        String count = " (" + named.size() + (firing.isEmpty() ? " alerts)" : " firing)");
        return AlertPayload.shorten(AlertPayload.oneLine(base), AlertPayload.MAX_TITLE - count.length()) + count;
    }

    private static List<IncomingAlert> firing(List<IncomingAlert> alerts) {
        return alerts.stream().filter(a -> !a.resolved()).toList();
    }
}
