package io.sitroom.room;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;

@QuarkusTest
class RoomResourceTest {

    @Inject
    EntityManager em;

    @Test
    void create_makesTheCreatorIncidentCommander() {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Ransomware on file servers");
        ic.as().get("/api/rooms/" + room).then().statusCode(200)
                .body("kind", equalTo("INCIDENT"))
                .body("title", equalTo("Ransomware on file servers"))
                .body("severity", equalTo("SEV2"))
                .body("phase", equalTo("detection"))
                .body("seq", equalTo(2))
                .body("members", hasSize(1))
                .body("members[0].roles", contains("incident_commander"));
        ic.as().get("/api/rooms").then().statusCode(200).body("id", hasItem(room.toString()));
    }

    @Test
    void create_isInvalid_withoutTitle() {
        User ic = Api.newUser("Ines");
        ic.as().body(Map.of("kind", "INCIDENT")).post("/api/rooms").then().statusCode(400).body("error.code", equalTo("invalid"));
    }

    @Test
    void create_isInvalid_forABodyThatIsNotJson() {
        User ic = Api.newUser("Ines");
        ic.as().body("{not json").post("/api/rooms").then().statusCode(400).body("error.code", equalTo("invalid"));
    }

    @Test
    void room_is404_forNonMembers_onEveryEndpoint() {
        User ic = Api.newUser("Ines");
        User stranger = Api.newUser("Stranger");
        UUID room = Api.newIncident(ic, "Leaked key");
        stranger.as().get("/api/rooms/" + room).then().statusCode(404).body("error.code", equalTo("not_found"));
        stranger.as().get("/api/rooms/" + room + "/events").then().statusCode(404);
        stranger.as().get("/api/rooms/" + room + "/verify").then().statusCode(404);
        Api.command(stranger, room, "note.add", Map.of("text", "let me in")).then().statusCode(404);
        stranger.as().get("/api/rooms").then().body("id", not(hasItem(room.toString())));
        Api.User admin = new User(null, "admin", "Administrator", Api.adminToken());
        admin.as().get("/api/rooms/" + room).then().statusCode(404);
    }

    @Test
    void addMember_givesRoles_andOnlyLeadsMayAdd() {
        User ic = Api.newUser("Ines");
        User legal = Api.newUser("Lea");
        User other = Api.newUser("Otto");
        UUID room = Api.newIncident(ic, "Vendor breach");
        Api.addMember(ic, room, legal, "legal");
        legal.as().get("/api/rooms/" + room).then().statusCode(200)
                .body("members.find { it.userId == '" + legal.id() + "' }.roles", contains("legal"));
        legal.as().body(Map.of("userId", other.id().toString(), "roles", List.of("scribe")))
                .post("/api/rooms/" + room + "/members")
                .then().statusCode(403).body("error.code", equalTo("forbidden"));
    }

    @Test
    void commands_overRest_appendEvents_andChangeTheRoom() {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "DDoS");
        Api.command(ic, room, "c-sev", "room.severity", Map.of("severity", "SEV1")).then().statusCode(200)
                .body("ok", equalTo(true)).body("seq", equalTo(3)).body("commandId", equalTo("c-sev"));
        Api.command(ic, room, "room.phase", Map.of("phase", "containment")).then().statusCode(200);
        ic.as().get("/api/rooms/" + room).then().body("severity", equalTo("SEV1")).body("phase", equalTo("containment"));
        ic.as().get("/api/rooms/" + room + "/events?since=2").then().statusCode(200)
                .body("events.kind", contains("room.severity_changed", "update.rescheduled", "room.phase_changed"))
                .body("events[0].data.from", equalTo("SEV2"))
                .body("events[0].data.to", equalTo("SEV1"))
                .body("events[0].actor.userId", equalTo(ic.id().toString()))
                .body("events[0].actor.roles", contains("incident_commander"))
                .body("events[0].hash", notNullValue());
    }

    @Test
    void command_isForbidden_forAWrongRole_andAppendsNothing() {
        User ic = Api.newUser("Ines");
        User legal = Api.newUser("Lea");
        UUID room = Api.newIncident(ic, "Insider");
        Api.addMember(ic, room, legal, "legal");
        long before = Api.headSeq(ic, room);
        Api.command(legal, room, "room.severity", Map.of("severity", "SEV1")).then().statusCode(403)
                .body("ok", equalTo(false)).body("error.code", equalTo("forbidden"));
        assertEquals(before, Api.headSeq(ic, room));
    }

    @Test
    void command_isInvalid_forUnknownNames_badData_andUnknownFields() {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Supply chain");
        Api.command(ic, room, "room.explode", Map.of()).then().statusCode(400).body("error.message", equalTo("unknown command 'room.explode'"));
        Api.command(ic, room, "room.severity", Map.of("severity", "SEV9")).then().statusCode(400).body("error.code", equalTo("invalid"));
        Api.command(ic, room, "room.severity", Map.of()).then().statusCode(400);
        Api.command(ic, room, "note.add", Map.of("text", "x", "colour", "red")).then().statusCode(400)
                .body("error.message", equalTo("note.add: unknown field 'colour'"));
        Api.command(ic, room, "role.assign", Map.of("userId", "not-a-uuid", "role", "legal")).then().statusCode(400);
        assertEquals(2, Api.headSeq(ic, room));
    }

    @Test
    void sameCommandId_appendsOnce_andReturnsTheSameResult() {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Phishing");
        var first = Api.command(ic, room, "same-id", "note.add", Map.of("text", "once")).then().statusCode(200).extract().asString();
        var second = Api.command(ic, room, "same-id", "note.add", Map.of("text", "once")).then().statusCode(200).extract().asString();
        assertEquals(first, second);
        assertEquals(3, Api.headSeq(ic, room));
    }

    @Test
    void restrictedNote_isVisibleOnlyToItsRoles_theIc_andItsAuthor() {
        User ic = Api.newUser("Ines");
        User legal = Api.newUser("Lea");
        User exec = Api.newUser("Erin");
        UUID room = Api.newIncident(ic, "Data theft");
        Api.addMember(ic, room, legal, "legal");
        Api.addMember(ic, room, exec, "executive");
        Api.command(legal, room, "note.add", Map.of("text", "privileged: counsel advises", "visibleTo", List.of("legal"))).then()
                .statusCode(200);
        Api.command(ic, room, "note.add", Map.of("text", "for everyone")).then().statusCode(200);

        for (User allowed : List.of(ic, legal)) {
            allowed.as().get("/api/rooms/" + room + "/events").then()
                    .body("events.data.text", hasItem("privileged: counsel advises"));
            allowed.as().get("/api/rooms/" + room).then().body("notes.text", contains("privileged: counsel advises", "for everyone"));
        }
        exec.as().get("/api/rooms/" + room + "/events").then()
                .body("events.data.text", not(hasItem("privileged: counsel advises")))
                .body("events.data.text", hasItem("for everyone"));
        exec.as().get("/api/rooms/" + room).then().body("notes.text", contains("for everyone"));
    }

    @Test
    void events_arePaged_bySeq() {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Paging");
        for (int i = 0; i < 5; i++) {
            Api.command(ic, room, "note.add", Map.of("text", "note " + i)).then().statusCode(200);
        }
        ic.as().get("/api/rooms/" + room + "/events?since=0&limit=3").then()
                .body("events.seq", contains(1, 2, 3)).body("hasMore", equalTo(true)).body("nextSince", equalTo(3));
        ic.as().get("/api/rooms/" + room + "/events?since=3&limit=3").then()
                .body("events.seq", contains(4, 5, 6)).body("hasMore", equalTo(true));
        ic.as().get("/api/rooms/" + room + "/events?since=6&limit=3").then()
                .body("events.seq", contains(7)).body("hasMore", equalTo(false));
        ic.as().get("/api/rooms/" + room + "/events?limit=5000").then().statusCode(400);
    }

    @Test
    void verify_isOk_forAnUntouchedLog() {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Verify");
        Api.command(ic, room, "note.add", Map.of("text", "a")).then().statusCode(200);
        String head = ic.as().get("/api/rooms/" + room).then().extract().path("headHash");
        ic.as().get("/api/rooms/" + room + "/verify").then().statusCode(200)
                .body("ok", equalTo(true)).body("events", equalTo(3)).body("headHash", equalTo(head))
                .body("firstBadSeq", equalTo(null));
    }

    @Test
    void verify_findsTheFirstEditedRow_whenTheDatabaseWasTamperedWith() {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Tamper");
        for (int i = 0; i < 4; i++) {
            Api.command(ic, room, "note.add", Map.of("text", "note " + i)).then().statusCode(200);
        }
        tamper(room, 4, "{\"text\":\"note one, rewritten\"}");
        ic.as().get("/api/rooms/" + room + "/verify").then().statusCode(200)
                .body("ok", equalTo(false)).body("firstBadSeq", equalTo(4));
    }

    @Transactional
    void tamper(UUID room, long seq, String data) {
        int updated = em.createNativeQuery("UPDATE room_event SET data = ?1 WHERE room_id = ?2 AND seq = ?3")
                .setParameter(1, data).setParameter(2, room).setParameter(3, seq).executeUpdate();
        assertEquals(1, updated);
    }

    @Test
    void handover_movesTheIcRoleInOneEvent_andTheLastIcCannotBeReleased() {
        User ic = Api.newUser("Ines");
        User next = Api.newUser("Nico");
        UUID room = Api.newIncident(ic, "Shift change");
        Api.addMember(ic, room, next, "scribe");
        Api.command(ic, room, "role.release", Map.of("userId", ic.id().toString(), "role", "incident_commander")).then()
                .statusCode(409).body("error.message", equalTo("the last incident_commander cannot be released; hand the role over instead"));
        Api.command(ic, room, "role.handover", Map.of("role", "incident_commander", "toUserId", next.id().toString())).then()
                .statusCode(200).body("lastSeq", equalTo(null));
        ic.as().get("/api/rooms/" + room).then()
                .body("members.find { it.userId == '" + next.id() + "' }.roles", contains("incident_commander", "scribe"))
                .body("members.find { it.userId == '" + ic.id() + "' }.roles", hasSize(0));
        Api.command(ic, room, "room.severity", Map.of("severity", "SEV1")).then().statusCode(403);
        Api.command(next, room, "room.severity", Map.of("severity", "SEV1")).then().statusCode(200);
    }

    @Test
    void noToken_is401() {
        given().get("/api/rooms/" + UUID.randomUUID()).then().statusCode(401);
    }
}
