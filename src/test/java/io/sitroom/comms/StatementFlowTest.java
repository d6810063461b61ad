package io.sitroom.comms;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;

@QuarkusTest
class StatementFlowTest {

    private static String draft(User comms, UUID room) {
        Api.accepted(comms, room, "statement.draft",
                Map.of("title", "Service notice", "body", "We are investigating unusual activity.", "channel", "status-page"));
        return (String) ((Map<?, ?>) Api.events(comms, room, "statement.drafted").get(0).get("data")).get("statementId");
    }

    @Test
    void publish_isRefusedUntilCommsAndLegalApprovedThatVersion_thenGoesOut() {
        User ic = Api.newUser("Ines");
        User comms = Api.newUser("Cora");
        User legal = Api.newUser("Lea");
        UUID room = Api.newIncident(ic, "Statement");
        Api.addMember(ic, room, comms, "comms_approver");
        Api.addMember(ic, room, legal, "legal");
        String id = draft(comms, room);

        Api.accepted(comms, room, "statement.approve", Map.of("statementId", id));
        Api.command(comms, room, "statement.publish", Map.of("statementId", id)).then().statusCode(409)
                .body("error.message", containsString("legal"));
        Api.accepted(legal, room, "statement.approve", Map.of("statementId", id));
        Api.accepted(comms, room, "statement.publish", Map.of("statementId", id));

        ic.as().get("/api/rooms/" + room + "/statements").then().statusCode(200)
                .body("[0].status", equalTo("published")).body("[0].publishedVersion", equalTo(1));
        Map<?, ?> published = (Map<?, ?>) Api.events(ic, room, "statement.published").get(0).get("data");
        Map<?, ?> drafted = (Map<?, ?>) Api.events(ic, room, "statement.drafted").get(0).get("data");
        assertEquals(drafted.get("textHash"), published.get("textHash"), "the exact approved text went out");
    }

    @Test
    void revision_voidsEarlierApprovals() {
        User ic = Api.newUser("Ines");
        User comms = Api.newUser("Cora");
        User legal = Api.newUser("Lea");
        UUID room = Api.newIncident(ic, "Revision");
        Api.addMember(ic, room, comms, "comms_approver");
        Api.addMember(ic, room, legal, "legal");
        String id = draft(comms, room);
        Api.accepted(comms, room, "statement.approve", Map.of("statementId", id));
        Api.accepted(legal, room, "statement.approve", Map.of("statementId", id));
        Api.accepted(comms, room, "statement.draft",
                Map.of("statementId", id, "title", "Service notice", "body", "We contained unusual activity.", "channel", "status-page"));

        Api.command(comms, room, "statement.publish", Map.of("statementId", id)).then().statusCode(409)
                .body("error.message", containsString("comms_approver and legal"));
        ic.as().get("/api/rooms/" + room + "/statements").then().body("[0].version", equalTo(2)).body("[0].status", equalTo("draft"));
    }

    @Test
    void onePersonHoldingBothRoles_cannotApproveForBoth() {
        User ic = Api.newUser("Ines");
        User both = Api.newUser("Bo");
        UUID room = Api.newIncident(ic, "Two people");
        Api.addMember(ic, room, both, "comms_approver", "legal");
        String id = draft(both, room);
        Api.accepted(both, room, "statement.approve", Map.of("statementId", id));
        Api.command(both, room, "statement.approve", Map.of("statementId", id)).then().statusCode(409);
        Api.command(both, room, "statement.publish", Map.of("statementId", id)).then().statusCode(409);
    }

    @Test
    void approve_isForbidden_forRolesOtherThanCommsAndLegal() {
        User ic = Api.newUser("Ines");
        User comms = Api.newUser("Cora");
        User exec = Api.newUser("Erin");
        UUID room = Api.newIncident(ic, "Forbidden approval");
        Api.addMember(ic, room, comms, "comms_approver");
        Api.addMember(ic, room, exec, "executive");
        String id = draft(comms, room);
        Api.command(exec, room, "statement.approve", Map.of("statementId", id)).then().statusCode(403);
        Api.command(exec, room, "statement.draft", Map.of("title", "t", "body", "b", "channel", "c")).then().statusCode(403);
    }
}
