package io.sitroom.room;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;

/** Members who see a room alike share its snapshot; one who wrote a restricted note still sees it, and no one else does. */
@QuarkusTest
class SnapshotCacheTest {

    private static List<String> notes(User user, UUID room) {
        return user.as().get("/api/rooms/" + room).then().statusCode(200).extract().jsonPath().getList("notes.text");
    }

    @Test
    void anAuthor_seesItsRestrictedNote_andAMemberWithTheSameRoles_neverDoes() {
        User ic = Api.newUser("Ines");
        User author = Api.newUser("Sam");
        User other = Api.newUser("Sue");
        UUID room = Api.newIncident(ic, "Shared snapshots");
        Api.addMember(ic, room, author, "scribe");
        Api.addMember(ic, room, other, "scribe");
        Api.accepted(author, room, "note.add", Map.of("text", "for legal only", "visibleTo", List.of("legal")));
        // The other scribe asks first, so that a shared snapshot exists when the author asks.
        assertEquals(List.of(), notes(other, room));
        assertEquals(List.of("for legal only"), notes(author, room));
        assertEquals(List.of(), notes(other, room));
        Api.accepted(ic, room, "note.add", Map.of("text", "for everyone"));
        assertEquals(List.of("for legal only", "for everyone"), notes(author, room));
        assertEquals(List.of("for everyone"), notes(other, room));
        assertEquals(List.of("for legal only", "for everyone"), notes(ic, room), "the lead sees every note");
    }

    @Test
    void aSnapshot_followsTheHead_forMembersWhoShareIt() {
        User ic = Api.newUser("Ines");
        User a = Api.newUser("Ann");
        User b = Api.newUser("Bo");
        UUID room = Api.newIncident(ic, "Moving head");
        Api.addMember(ic, room, a, "observer");
        Api.addMember(ic, room, b, "observer");
        long head = Api.headSeq(a, room);
        assertEquals(head, Api.headSeq(b, room));
        Api.accepted(ic, room, "room.severity", Map.of("severity", "SEV1"));
        b.as().get("/api/rooms/" + room).then().statusCode(200)
                .body("severity", org.hamcrest.Matchers.equalTo("SEV1"))
                .body("seq", org.hamcrest.Matchers.greaterThan((int) head));
    }

    @Test
    void aSharedSnapshot_isNeverHandedToSomeoneNoLongerAMember() {
        User ic = Api.newUser("Ines");
        User stays = Api.newUser("Stan");
        User leaves = Api.newUser("Lea");
        UUID room = Api.newIncident(ic, "Shared after removal");
        Api.addMember(ic, room, stays, "observer");
        Api.addMember(ic, room, leaves, "observer");
        ic.as().delete("/api/rooms/" + room + "/members/" + leaves.id()).then().statusCode(200);
        // An observer's snapshot at the new head is built and shared...
        stays.as().get("/api/rooms/" + room).then().statusCode(200);
        // ...and the former observer, who would share it, is not a member.
        leaves.as().get("/api/rooms/" + room).then().statusCode(404).body("error.code", org.hamcrest.Matchers.equalTo("not_found"));
    }
}
