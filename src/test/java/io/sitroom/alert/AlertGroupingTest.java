package io.sitroom.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.sitroom.room.Severity;

class AlertGroupingTest {

    private static final java.util.Comparator<Severity> WORST_FIRST = io.sitroom.room.Taxonomy.defaults().bySeverity();

    private static IncomingAlert alert(int index, String fingerprint, Severity severity, boolean resolved) {
        return new IncomingAlert(index, fingerprint, "Alert " + fingerprint, severity, null, true, null, "alertmanager", resolved,
                Map.of("alertname", "A"), Map.of(), null, null, null);
    }

    private static AlertPayload.Notification notification(String groupKey, IncomingAlert... alerts) {
        return new AlertPayload.Notification(groupKey, Map.of("alertname", "KubePodCrashLooping"), Map.of(), List.of(alerts));
    }

    @Test
    void byGroup_aNotificationIsOneRoom() {
        var groups = AlertGrouping.groups(AlertConfig.Grouping.GROUP,
                notification("{}:{alertname=\"A\"}", alert(0, "f1", Severity.SEV1, false), alert(1, "f2", Severity.SEV4, false)));
        assertEquals(1, groups.size());
        String key = groups.keySet().iterator().next();
        assertTrue(key.startsWith("group:") && key.length() <= 300, key);
        assertEquals(2, groups.get(key).size());
    }

    @Test
    void byAlert_orWithoutAGroupKey_eachAlertIsARoom() {
        var byAlert = AlertGrouping.groups(AlertConfig.Grouping.ALERT,
                notification("{}:{}", alert(0, "f1", Severity.SEV1, false), alert(1, "f2", Severity.SEV4, false)));
        assertEquals(List.of("alert:f1", "alert:f2"), List.copyOf(byAlert.keySet()));
        var generic = AlertGrouping.groups(AlertConfig.Grouping.GROUP, notification(null, alert(0, "f1", Severity.SEV1, false)));
        assertEquals(List.of("alert:f1"), List.copyOf(generic.keySet()));
    }

    @Test
    void aGroupKeyOfAnyLength_fitsTheKeyColumn() {
        var groups = AlertGrouping.groups(AlertConfig.Grouping.GROUP, notification("k".repeat(10_000), alert(0, "f1", Severity.SEV1, false)));
        assertTrue(groups.keySet().iterator().next().length() <= 300);
    }

    @Test
    void aRoomForAGroup_takesTheWorstFiringSeverity_andCountsTheFiringAlerts() {
        List<IncomingAlert> alerts = List.of(alert(0, "f1", Severity.SEV4, false), alert(1, "f2", Severity.SEV1, false),
                alert(2, "f3", Severity.SEV1, true));
        assertEquals(Severity.SEV1, AlertGrouping.severity(alerts, WORST_FIRST));
        assertEquals("KubePodCrashLooping (2 firing)", AlertGrouping.title(notification("g", alerts.toArray(IncomingAlert[]::new)), alerts, WORST_FIRST));
        List<IncomingAlert> one = List.of(alert(0, "f1", Severity.SEV2, false), alert(1, "f2", Severity.SEV1, true));
        assertEquals(Severity.SEV2, AlertGrouping.severity(one, WORST_FIRST), "resolved alerts do not make the room worse");
        assertEquals("Alert f1", AlertGrouping.title(notification("g", one.toArray(IncomingAlert[]::new)), one, WORST_FIRST));
    }

    @Test
    void aGroupTitle_staysWithin200Characters() {
        List<IncomingAlert> alerts = List.of(alert(0, "f1", Severity.SEV4, false), alert(1, "f2", Severity.SEV1, false));
        var long_ = new AlertPayload.Notification("g", Map.of(), Map.of("summary", "s".repeat(500)), alerts);
        String title = AlertGrouping.title(long_, alerts, WORST_FIRST);
        assertEquals(200, title.length());
        assertTrue(title.endsWith("… (2 firing)"), title);
    }
}
