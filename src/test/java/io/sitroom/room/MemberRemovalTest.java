package io.sitroom.room;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;
import io.sitroom.testing.WsClient;

/** The lead takes someone out of a room: they see and do nothing in it any more, at once. */
@QuarkusTest
class MemberRemovalTest {

    @Test
    void aRemovedMember_losesTheRoom_onEveryPath_andItsSocketCloses() {
        User ic = Api.newUser("Ines");
        User former = Api.newUser("Fred");
        UUID room = Api.newIncident(ic, "Removal");
        Api.addMember(ic, room, former, "scribe");
        try (WsClient ws = WsClient.connect(former, room, null)) {
            ws.next("welcome");
            ic.as().delete("/api/rooms/" + room + "/members/" + former.id()).then().statusCode(200);
            assertEquals("member.removed", ws.next("event").path("kind").asText(), "the member is told");
            assertEquals(4403, ws.awaitClose(WsClient.WAIT));
        }
        former.as().get("/api/rooms/" + room).then().statusCode(404);
        former.as().get("/api/rooms/" + room + "/events").then().statusCode(404);
        assertEquals(404, Api.command(former, room, "note.add", Map.of("text", "still here?")).statusCode());
        assertEquals(404, WsClient.upgradeStatus(WsClient.roomUri(room, null), former.token()));
        List<String> members = ic.as().get("/api/rooms/" + room).then().extract().jsonPath().getList("members.displayName");
        assertEquals(List.of("Ines"), members);
        // Added again later, they are a member again.
        Api.addMember(ic, room, former, "observer");
        former.as().get("/api/rooms/" + room).then().statusCode(200);
    }

    @Test
    void theLastLead_cannotBeRemoved() {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Last lead");
        ic.as().delete("/api/rooms/" + room + "/members/" + ic.id()).then().statusCode(409);
    }
}
