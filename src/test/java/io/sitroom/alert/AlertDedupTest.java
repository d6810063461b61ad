package io.sitroom.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.sitroom.alert.AlertDedup.Decision;
import io.sitroom.alert.AlertDedup.Kind;
import io.sitroom.alert.AlertDedup.Known;
import io.sitroom.room.Severity;

class AlertDedupTest {

    private static final UUID INTEGRATION = UUID.fromString("00000000-0000-0000-0000-0000000000a1");

    private static IncomingAlert alert(String fingerprint, boolean resolved, Map<String, String> labels, Map<String, String> annotations,
            String endsAt) {
        return new IncomingAlert(0, fingerprint, "Checkout 5xx", Severity.SEV2, "error", true, null, "alertmanager", resolved, labels,
                annotations, "2026-11-29T10:00:00Z", endsAt, null);
    }

    private static IncomingAlert firing(String fingerprint) {
        return alert(fingerprint, false, Map.of("alertname", "A"), Map.of("summary", "Checkout 5xx"), null);
    }

    private static Known known(IncomingAlert alert, int received) {
        return new Known(AlertEvent.contentHash(AlertEvent.of(INTEGRATION, "Prometheus", alert, received)), received);
    }

    private static List<Decision> decide(Map<String, Known> room, IncomingAlert... alerts) {
        return AlertDedup.decide(INTEGRATION, "Prometheus", room, List.of(alerts));
    }

    @Test
    void anAlertNewToTheRoom_appendsAReceivedEvent() {
        Decision decision = decide(Map.of(), firing("f1")).get(0);
        assertEquals(Kind.NEW, decision.kind());
        assertEquals(1, decision.received());
        AlertEvent.Received event = assertInstanceOf(AlertEvent.Received.class, decision.event());
        assertEquals("error", event.severityLabel());
        assertEquals(1, event.received());
    }

    @Test
    void aResendThatChangesNothing_appendsNothing_andIsCounted() {
        Decision decision = decide(Map.of("f1", known(firing("f1"), 4)), firing("f1")).get(0);
        assertEquals(Kind.UNCHANGED, decision.kind());
        assertNull(decision.event());
        assertEquals(5, decision.received());
    }

    @Test
    void movingTimes_areNotAChange() {
        IncomingAlert later = alert("f1", false, Map.of("alertname", "A"), Map.of("summary", "Checkout 5xx"), "2026-11-29T10:05:00Z");
        assertEquals(Kind.UNCHANGED, decide(Map.of("f1", known(firing("f1"), 1)), later).get(0).kind());
    }

    @Test
    void resolving_appendsAResolvedEvent() {
        IncomingAlert resolved = alert("f1", true, Map.of("alertname", "A"), Map.of("summary", "Checkout 5xx"), "2026-11-29T10:05:00Z");
        Decision decision = decide(Map.of("f1", known(firing("f1"), 2)), resolved).get(0);
        assertEquals(Kind.CHANGED, decision.kind());
        AlertEvent.Resolved event = assertInstanceOf(AlertEvent.Resolved.class, decision.event());
        assertEquals(3, event.received());
    }

    @Test
    void newLabelsOrAnnotations_areAChange() {
        Map<String, Known> room = Map.of("f1", known(firing("f1"), 1));
        assertEquals(Kind.CHANGED, decide(room, alert("f1", false, Map.of("alertname", "A", "pod", "p-2"), Map.of("summary", "Checkout 5xx"),
                null)).get(0).kind());
        assertEquals(Kind.CHANGED, decide(room, alert("f1", false, Map.of("alertname", "A"), Map.of("summary", "Checkout 5xx at 9%"),
                null)).get(0).kind());
    }

    @Test
    void aFingerprintTwiceInOneBody_isAResendTheSecondTime() {
        List<Decision> decisions = decide(Map.of(), firing("f1"), firing("f1"), firing("f2"));
        assertEquals(List.of(Kind.NEW, Kind.UNCHANGED, Kind.NEW), decisions.stream().map(Decision::kind).toList());
        assertEquals(2, decisions.get(1).received());
    }

    @Test
    void anAlertNewToTheGroup_isAppended_besideUnchangedOnes() {
        List<Decision> decisions = decide(Map.of("f1", known(firing("f1"), 1)), firing("f1"), firing("f2"));
        assertEquals(List.of(Kind.UNCHANGED, Kind.NEW), decisions.stream().map(Decision::kind).toList());
    }
}
