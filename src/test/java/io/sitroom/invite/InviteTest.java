package io.sitroom.invite;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;

@QuarkusTest
class InviteTest {

    private static int accounts() {
        return given().auth().oauth2(Api.adminToken()).get("/api/users").then().statusCode(200).extract().jsonPath().getList("id").size();
    }

    @Test
    void join_isRefused_whenTheRoomIsClosed_andMakesNoAccount() {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Closed before anyone joined");
        String code = Api.invite(ic, room, "legal");
        Api.accepted(ic, room, "room.phase", Map.of("phase", "closed"));
        int before = accounts();
        long head = Api.headSeq(ic, room);
        given().contentType(ContentType.JSON).body(Map.of("code", code, "displayName", "Late guest")).post("/api/auth/join").then()
                .statusCode(409);
        assertEquals(before, accounts(), "no guest account was left behind");
        assertEquals(head, Api.headSeq(ic, room));
        List<Object> members = ic.as().get("/api/rooms/" + room).then().extract().jsonPath().getList("members");
        assertEquals(1, members.size());
    }

    @Test
    void invite_isRefused_whenTheRoomIsClosed() {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Closed");
        Api.accepted(ic, room, "room.phase", Map.of("phase", "closed"));
        ic.as().body(Map.of("role", "legal")).post("/api/rooms/" + room + "/invites").then().statusCode(409);
    }

    @Test
    void anInvitation_isUsedUp_afterItsMaxUses_andRevokedOnesJoinNoOne() {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Limited invitations");
        String twice = ic.as().body(Map.of("role", "observer", "maxUses", 2)).post("/api/rooms/" + room + "/invites").then().statusCode(201)
                .extract().path("code");
        Api.join(twice, "First");
        Api.join(twice, "Second");
        given().contentType(ContentType.JSON).body(Map.of("code", twice, "displayName", "Third")).post("/api/auth/join").then()
                .statusCode(404);
        String open = Api.invite(ic, room, "legal");
        List<Map<String, Object>> listed = ic.as().get("/api/rooms/" + room + "/invites").then().statusCode(200).extract().jsonPath()
                .getList("");
        assertEquals(2, listed.size());
        String openId = (String) listed.stream().filter(i -> "legal".equals(i.get("role"))).findFirst().orElseThrow().get("inviteId");
        ic.as().post("/api/rooms/" + room + "/invites/" + openId + "/revoke").then().statusCode(204);
        given().contentType(ContentType.JSON).body(Map.of("code", open, "displayName", "Late")).post("/api/auth/join").then()
                .statusCode(404);
        ic.as().post("/api/rooms/" + room + "/invites/" + openId + "/revoke").then().statusCode(204); // a retry: nothing more appended
        assertEquals(List.of("invite.created", "invite.created", "invite.revoked"),
                Api.events(ic, room, "invite.created", "invite.revoked").stream().map(e -> e.get("kind")).toList());
        assertEquals(3, ic.as().get("/api/rooms/" + room).then().extract().jsonPath().getList("members").size(), "the IC and the two who joined");
    }

    @Test
    void invitations_areListedAndRevoked_byTheLeadOnly() {
        User ic = Api.newUser("Ines");
        User scribe = Api.newUser("Sam");
        UUID room = Api.newIncident(ic, "Invitations");
        Api.addMember(ic, room, scribe, "scribe");
        Api.invite(ic, room, "legal");
        String inviteId = ic.as().get("/api/rooms/" + room + "/invites").then().statusCode(200).extract().path("[0].inviteId");
        scribe.as().get("/api/rooms/" + room + "/invites").then().statusCode(403);
        scribe.as().post("/api/rooms/" + room + "/invites/" + inviteId + "/revoke").then().statusCode(403);
        Api.newUser("Stranger").as().get("/api/rooms/" + room + "/invites").then().statusCode(404);
        assertEquals(List.of(), Api.events(scribe, room, "invite.created"), "the invitation's record is for the lead");
    }
}
