package io.sitroom.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.sitroom.error.ErrorCode;
import io.sitroom.error.SitroomException;
import io.sitroom.room.Severity;
import io.sitroom.room.Taxonomy;

class AlertPayloadTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SeverityMap SEVERITIES = new SeverityMap(Taxonomy.defaults(), Map.of(), Optional.empty());

    private static AlertPayload.Notification read(Object body) {
        return AlertPayload.read(JSON.valueToTree(body), SEVERITIES, Severity.SEV3);
    }

    private static String refusal(Object body) {
        SitroomException refused = assertThrows(SitroomException.class, () -> read(body));
        assertEquals(ErrorCode.INVALID, refused.code());
        return refused.getMessage();
    }

    private static Map<String, Object> alert(String fingerprint, String severity) {
        return Map.of("status", "firing", "fingerprint", fingerprint, "labels", Map.of("alertname", "A" + fingerprint, "severity", severity),
                "annotations", Map.of("summary", "Summary " + fingerprint), "startsAt", "2026-11-29T10:00:00Z",
                "endsAt", "0001-01-01T00:00:00Z", "generatorURL", "http://prometheus/graph");
    }

    @Test
    void alertmanager_isRead_withItsGroupAndEveryField() {
        var notification = read(Map.of("version", "4", "groupKey", "{}:{alertname=\"A\"}", "receiver", "sitroom", "status", "firing",
                "commonLabels", Map.of("alertname", "A"), "alerts", List.of(alert("f1", "critical"), alert("f2", "none"))));
        assertEquals("{}:{alertname=\"A\"}", notification.groupKey());
        assertEquals(Map.of("alertname", "A"), notification.commonLabels());
        IncomingAlert first = notification.alerts().get(0);
        assertEquals(0, first.index());
        assertEquals("f1", first.fingerprint());
        assertEquals("Summary f1", first.title());
        assertEquals(Severity.SEV1, first.severity());
        assertEquals("critical", first.severityLabel());
        assertEquals("sitroom", first.source());
        assertEquals("2026-11-29T10:00:00Z", first.startsAt());
        assertNull(first.endsAt(), "Alertmanager's zero time means no end");
        assertEquals("http://prometheus/graph", first.generatorUrl());
        assertFalse(first.resolved());
        IncomingAlert watchdog = notification.alerts().get(1);
        assertEquals(Severity.SEV4, watchdog.severity());
        assertEquals("none", watchdog.severityLabel());
    }

    @Test
    void anUnknownSeverity_isReadWithTheDefault_andItsRawValue() {
        IncomingAlert alert = read(Map.of("alerts", List.of(alert("f1", "apocalyptic")))).alerts().get(0);
        assertEquals(Severity.SEV3, alert.severity());
        assertEquals("apocalyptic", alert.severityLabel());
        assertFalse(alert.severityKnown());
        IncomingAlert generic = read(Map.of("title", "Disk full", "severity", "ticket")).alerts().get(0);
        assertEquals(Severity.SEV3, generic.severity());
        assertTrue(generic.severityKnown());
    }

    @Test
    void anyNumberOfAlerts_isRead() {
        List<Object> alerts = new java.util.ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            alerts.add(Map.of("labels", Map.of("alertname", "A", "instance", "i-" + i)));
        }
        var notification = read(Map.of("alerts", alerts));
        assertEquals(5_000, notification.alerts().size());
        assertEquals(4_999, notification.alerts().get(4_999).index());
    }

    @Test
    void aMissingFingerprint_isTheHashOfTheLabels() {
        var a = read(Map.of("alerts", List.of(Map.of("labels", Map.of("alertname", "A", "x", "1"))))).alerts().get(0);
        var b = read(Map.of("alerts", List.of(Map.of("labels", Map.of("x", "1", "alertname", "A"))))).alerts().get(0);
        assertEquals(a.fingerprint(), b.fingerprint());
        assertEquals(64, a.fingerprint().length());
    }

    @Test
    void aLongSummary_makesATitleOf200Characters_andStaysWholeInTheAnnotations() {
        String summary = "x".repeat(300);
        IncomingAlert alert = read(Map.of("alerts", List.of(Map.of("labels", Map.of("alertname", "A"),
                "annotations", Map.of("summary", summary))))).alerts().get(0);
        assertEquals(200, alert.title().length());
        assertEquals(summary, alert.annotations().get("summary"));
    }

    @Test
    void generic_keepsItsFingerprintRule() {
        IncomingAlert alert = read(Map.of("title", " Disk full ", "source", "nagios", "status", "resolved")).alerts().get(0);
        assertEquals(io.sitroom.crypto.Sha256.hex("Disk full|nagios"), alert.fingerprint());
        assertTrue(alert.resolved());
        assertEquals("Disk full", alert.title());
    }

    @Test
    void bodiesThatAreNotAlerts_areRefused_withTheReason() {
        assertTrue(refusal(Map.of("severity", "critical")).contains("'title'"));
        assertTrue(refusal(Map.of("alerts", List.of())).contains("non-empty array"));
        assertTrue(refusal(Map.of("alerts", "no")).contains("non-empty array"));
        assertTrue(refusal(Map.of("alerts", List.of(Map.of("labels", Map.of("a", "b")), Map.of("nolabels", true)))).contains("alerts[1]"));
        assertTrue(refusal(Map.of("alerts", List.of(Map.of("labels", Map.of("a", Map.of()))))).contains("alerts[0].labels.a"));
        assertTrue(refusal(Map.of("alerts", List.of(Map.of("status", "pending", "labels", Map.of("a", "b"))))).contains("alerts[0].status"));
        assertTrue(refusal(Map.of("title", 7)).contains("'title' must be a string"));
        SitroomException notObject = assertThrows(SitroomException.class,
                () -> AlertPayload.read(JSON.valueToTree(List.of(1)), SEVERITIES, Severity.SEV3));
        assertTrue(notObject.getMessage().contains("JSON object"));
    }

    @Test
    void fieldSizes_areCheckedAtTheEdge() {
        assertTrue(refusal(Map.of("alerts", List.of(Map.of("fingerprint", "f".repeat(5_000), "labels", Map.of("a", "b")))))
                .contains("'alerts[0].fingerprint' is longer than 200 characters"));
        assertTrue(refusal(Map.of("title", "t".repeat(201))).contains("'title' is longer than 200"));
        assertTrue(refusal(Map.of("alerts", List.of(Map.of("labels", Map.of("a", "v".repeat(2_001)))))).contains("alerts[0].labels.a"));
        assertTrue(refusal(Map.of("alerts", List.of(Map.of("labels", Map.of("a", "b"), "annotations", Map.of("d", "v".repeat(10_001))))))
                .contains("alerts[0].annotations.d"));
        Map<String, String> many = new java.util.HashMap<>();
        for (int i = 0; i <= 100; i++) {
            many.put("l" + i, "v");
        }
        assertTrue(refusal(Map.of("alerts", List.of(Map.of("labels", many)))).contains("more than 100"));
    }

    @Test
    void controlCharacters_areRefused_butLineBreaksAndTabsAreNot() {
        assertTrue(refusal(Map.of("alerts", List.of(Map.of("labels", Map.of("a", "x\u0000y"))))).contains("U+0000"));
        assertTrue(refusal(Map.of("title", "bell\u0007")).contains("U+0007"));
        IncomingAlert alert = read(Map.of("alerts", List.of(Map.of("labels", Map.of("alertname", "A"),
                "annotations", Map.of("description", "line one\nline two\tend"))))).alerts().get(0);
        assertEquals("line one\nline two\tend", alert.description());
    }

    @Test
    void jsonNodes_ofOtherShapes_areRefused() {
        JsonNode text = JSON.getNodeFactory().textNode("alert");
        assertThrows(SitroomException.class, () -> AlertPayload.read(text, SEVERITIES, Severity.SEV3));
        assertThrows(SitroomException.class, () -> AlertPayload.read(null, SEVERITIES, Severity.SEV3));
    }
}
