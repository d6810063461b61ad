package io.sitroom.decision;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.sitroom.clock.MutableClock;
import io.sitroom.room.Timers;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;

@QuarkusTest
class DecisionFlowTest {

    @Inject
    MutableClock clock;

    @Inject
    Timers timers;

    private static Map<String, Object> proposal(List<String> approvers) {
        return Map.of("title", "Take the VPN offline", "context", "Attacker session on the VPN concentrator",
                "options", List.of("take offline", "block one account"), "choice", "take offline",
                "rationale", "Lateral movement seen from the VPN range", "approvers", approvers);
    }

    private static String decisionId(User user, UUID room) {
        return (String) ((Map<?, ?>) Api.events(user, room, "decision.proposed").get(0).get("data")).get("decisionId");
    }

    @Test
    void decision_isAccepted_whenEveryApproverRoleApproved_andShowsInSnapshotAndList() {
        User ic = Api.newUser("Ines");
        User legal = Api.newUser("Lea");
        User comms = Api.newUser("Cora");
        UUID room = Api.newIncident(ic, "VPN compromise");
        Api.addMember(ic, room, legal, "legal");
        Api.addMember(ic, room, comms, "comms_approver");
        Api.accepted(ic, room, "decision.propose", proposal(List.of("legal", "comms_approver")));
        String id = decisionId(ic, room);

        Api.accepted(legal, room, "decision.approve", Map.of("decisionId", id, "comment", "agreed"));
        ic.as().get("/api/rooms/" + room + "/decisions").then().statusCode(200)
                .body("[0].status", equalTo("proposed")).body("[0].missingApprovers", contains("comms_approver"));
        Api.command(comms, room, "decision.approve", Map.of("decisionId", id)).then().statusCode(200).body("lastSeq", equalTo(8));

        assertEquals(List.of("decision.proposed", "decision.approved", "decision.approved", "decision.accepted"),
                Api.events(ic, room, "decision.proposed", "decision.approved", "decision.accepted").stream().map(e -> e.get("kind")).toList());
        ic.as().get("/api/rooms/" + room).then()
                .body("decisions[0].status", equalTo("accepted"))
                .body("decisions[0].rationale", equalTo("Lateral movement seen from the VPN range"))
                .body("decisions[0].approvals.by.displayName", contains("Lea", "Cora"));
    }

    @Test
    void approvingTwice_isConflict_unknownDecision_isNotFound_andNonApprovers_areForbidden() {
        User ic = Api.newUser("Ines");
        User legal = Api.newUser("Lea");
        UUID room = Api.newIncident(ic, "Refusals");
        Api.addMember(ic, room, legal, "legal");
        Api.accepted(ic, room, "decision.propose", proposal(List.of("legal", "comms_approver")));
        String id = decisionId(ic, room);
        Api.accepted(legal, room, "decision.approve", Map.of("decisionId", id));
        long head = Api.headSeq(ic, room);
        Api.command(legal, room, "decision.approve", Map.of("decisionId", id)).then().statusCode(409);
        Api.command(legal, room, "decision.approve", Map.of("decisionId", UUID.randomUUID().toString())).then().statusCode(404);
        Api.command(ic, room, "decision.approve", Map.of("decisionId", id)).then().statusCode(403);
        assertEquals(head, Api.headSeq(ic, room));
    }

    @Test
    void rejection_keepsTheDissentAndItsReason() {
        User ic = Api.newUser("Ines");
        User legal = Api.newUser("Lea");
        UUID room = Api.newIncident(ic, "Dissent");
        Api.addMember(ic, room, legal, "legal");
        Api.accepted(ic, room, "decision.propose", proposal(List.of("legal")));
        String id = decisionId(ic, room);
        Api.accepted(legal, room, "decision.reject", Map.of("decisionId", id, "reason", "we must preserve evidence first"));
        ic.as().get("/api/rooms/" + room + "/decisions").then()
                .body("[0].status", equalTo("rejected"))
                .body("[0].rejections[0].comment", equalTo("we must preserve evidence first"))
                .body("[0].rejections[0].by.displayName", equalTo("Lea"));
    }

    @Test
    void proposerAlone_cannotAcceptTheirOwnProposal() {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Self approval");
        Api.accepted(ic, room, "decision.propose", proposal(List.of("incident_commander")));
        String id = decisionId(ic, room);
        Api.accepted(ic, room, "decision.approve", Map.of("decisionId", id));
        ic.as().get("/api/rooms/" + room + "/decisions").then().body("[0].status", equalTo("proposed"));
        assertEquals(0, Api.events(ic, room, "decision.accepted").size());
    }

    @Test
    void timeBoundException_expiresByItself_once() {
        User ic = Api.newUser("Ines");
        User legal = Api.newUser("Lea");
        UUID room = Api.newIncident(ic, "Exception");
        Api.addMember(ic, room, legal, "legal");
        Instant expiresAt = clock.instant().plus(Duration.ofMinutes(10));
        Map<String, Object> exception = new java.util.HashMap<>(proposal(List.of("legal")));
        exception.put("expiresAt", expiresAt.toString());
        Api.accepted(ic, room, "decision.propose", exception);
        String id = decisionId(ic, room);
        Api.accepted(legal, room, "decision.approve", Map.of("decisionId", id));

        timers.fireDue();
        assertEquals(0, Api.events(ic, room, "decision.expired").size(), "not before its time");
        clock.advance(Duration.ofMinutes(11));
        timers.fireDue();
        timers.fireDue();
        List<Map<String, Object>> expired = Api.events(ic, room, "decision.expired");
        assertEquals(1, expired.size());
        assertEquals(null, expired.get(0).get("actor"), "appended by the server");
        ic.as().get("/api/rooms/" + room + "/decisions").then().body("[0].status", equalTo("expired"));
    }
}
