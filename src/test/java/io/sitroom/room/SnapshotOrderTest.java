package io.sitroom.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.sitroom.clock.MutableClock;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;

/**
 * What a client that keeps its view from events relies on: every list of the snapshot has one order,
 * which follows the log when times tie (on this frozen clock every event has the same millisecond), and
 * the notes are the latest the viewer may see, not the latest notes filtered.
 */
@QuarkusTest
class SnapshotOrderTest {

    @Inject
    MutableClock clock;

    User ic;
    UUID room;

    @BeforeEach
    void setUp() {
        clock.freeze();
        ic = Api.newUser("Ines");
        room = Api.newIncident(ic, "Order");
    }

    @AfterEach
    void tearDown() {
        clock.unfreeze();
    }

    private JsonPath snapshot(User user) {
        return user.as().get("/api/rooms/" + room).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void notes_areTheLatestHundredTheViewerMaySee_whenNewerOnesAreRestricted() {
        User scribe = Api.newUser("Sam");
        Api.addMember(ic, room, scribe, "scribe");
        for (int i = 0; i < 120; i++) {
            Api.accepted(ic, room, "note.add", Map.of("text", "public " + i));
        }
        for (int i = 0; i < 60; i++) {
            Api.accepted(ic, room, "note.add", Map.of("text", "legal " + i, "visibleTo", List.of("legal")));
        }
        List<String> seen = snapshot(scribe).getList("notes.text");
        assertEquals(100, seen.size());
        assertEquals("public 20", seen.get(0));
        assertEquals("public 119", seen.get(99));
        List<String> all = snapshot(ic).getList("notes.text");
        assertEquals("legal 59", all.get(99), "the IC sees every note");
    }

    @Test
    void members_whoJoinInOneMillisecond_areListedInTheOrderTheyJoined() {
        List<String> joined = new ArrayList<>(List.of(ic.id().toString()));
        for (int i = 0; i < 8; i++) {
            User u = Api.newUser("Member " + i);
            Api.addMember(ic, room, u, "observer");
            joined.add(u.id().toString());
        }
        assertEquals(joined, snapshot(ic).getList("members.userId"));
    }

    @Test
    void actions_thatTieOnRiskDueAndTime_rankInTheOrderTheyWereCreated() {
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Api.accepted(ic, room, "action.create", Map.of("title", "Action " + i));
            titles.add("Action " + i);
        }
        Api.accepted(ic, room, "action.create", Map.of("title", "Risky", "risk", Map.of("likelihood", 5, "impact", 5, "exposure", 5,
                "effort", 1)));
        titles.add(0, "Risky");
        assertEquals(titles, snapshot(ic).getList("actions.title"));
    }

    @Test
    void statements_draftedInOneMillisecond_areListedInTheOrderTheyWereFirstDrafted() {
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Api.accepted(ic, room, "statement.draft", Map.of("title", "Statement " + i, "body", "b", "channel", "web"));
            titles.add("Statement " + i);
        }
        assertEquals(titles, snapshot(ic).getList("statements.title"));
    }

    @Test
    void ackAnswers_ofOneAcknowledgement_areListedByRole() {
        User dual = Api.newUser("Dee");
        Api.addMember(ic, room, dual, "scribe", "legal", "executive");
        long about = Api.headSeq(ic, room);
        Api.accepted(ic, room, "ack.request", Map.of("about", about, "roles", List.of("scribe", "legal", "executive")));
        String ackId = snapshot(ic).getString("acks[0].ackId");
        Api.accepted(dual, room, "ack.give", Map.of("ackId", ackId));
        assertEquals(List.of("executive", "legal", "scribe"), snapshot(ic).getList("acks[0].acknowledged.role"));
        assertTrue(snapshot(ic).getList("acks[0].pending").isEmpty());
    }
}
