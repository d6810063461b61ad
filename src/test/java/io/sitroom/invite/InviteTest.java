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
}
