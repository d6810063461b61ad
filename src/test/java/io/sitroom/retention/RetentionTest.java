package io.sitroom.retention;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.sitroom.clock.MutableClock;
import io.sitroom.room.Room;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;

/** Retention (docs/operations.md, "Retention"): finished rooms past their kind's period are deleted whole, unless held. */
@QuarkusTest
@TestProfile(RetentionTest.Periods.class)
class RetentionTest {

    public static class Periods implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sitroom.retention.incident", "P30D", "sitroom.retention.exercise", "P7D", "sitroom.webhooks.allowed-hosts",
                    "127.0.0.1");
        }
    }

    @Inject
    Retention retention;

    @Inject
    MutableClock clock;

    @Inject
    RoomRows rows;

    /**
     * Sweeps, {@code days} later, until nothing more is due (other test classes' finished rooms in this database go
     * too), then turns the clock back: the accounts' sign-ins would have expired meanwhile.
     */
    private List<UUID> sweepAll(int days) {
        clock.advance(Duration.ofDays(days));
        try {
            List<UUID> deleted = new ArrayList<>();
            List<UUID> swept;
            while (!(swept = retention.sweep()).isEmpty()) {
                deleted.addAll(swept);
            }
            return deleted;
        } finally {
            clock.advance(Duration.ofDays(-days));
        }
    }

    /** A closed incident with rows in most of the tables a room fills. */
    private static UUID closedIncident(User ic, User legal, String title) {
        UUID room = Api.newIncident(ic, title);
        Api.addMember(ic, room, legal, "legal", "comms_approver");
        Api.accepted(ic, room, "note.add", Map.of("text", "lesson: segment the OT network"));
        String decision = Api.command(ic, room, "decision.propose", Map.of("title", "Isolate", "choice", "isolate", "rationale", "spread",
                "approvers", List.of("legal"))).jsonPath().getString("events[0].data.decisionId");
        if (decision != null) {
            Api.accepted(legal, room, "decision.approve", Map.of("decisionId", decision));
        }
        Api.accepted(ic, room, "action.create", Map.of("title", "Rotate keys"));
        Api.accepted(ic, room, "update.post", Map.of("audience", "all", "summary", "contained"));
        Api.accepted(ic, room, "statement.draft", Map.of("title", "Notice", "body", "We are investigating.", "channel", "website"));
        Api.accepted(ic, room, "ack.request", Map.of("about", 1, "roles", List.of("legal")));
        Api.invite(ic, room, "observer");
        ic.as().body(Map.of("url", "http://127.0.0.1:9/hook", "roomId", room.toString())).post("/api/webhooks").then().statusCode(201);
        Api.accepted(ic, room, "room.phase", Map.of("phase", "closed"));
        return room;
    }

    private static long rowsOf(UUID room, String table) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Room.getEntityManager()
                .createNativeQuery("SELECT COUNT(*) FROM " + table + " WHERE room_id = ?1").setParameter(1, room).getSingleResult()).longValue());
    }

    @Test
    void finishedRoomsPastTheirPeriod_areDeletedWhole_heldOpenAndRecentOnesStay_andEachDeletionIsAudited() {
        User ic = Api.newUser("Ines IC");
        User legal = Api.newUser("Lea Legal");
        UUID old = closedIncident(ic, legal, "Old breach");
        UUID held = closedIncident(ic, legal, "Held breach");
        Api.accepted(legal, held, "room.hold", Map.of("reason", "litigation expected"));
        UUID open = Api.newIncident(ic, "Still open");
        assertTrue(rowsOf(old, "room_event") > 10, "the old room has a log");

        assertFalse(sweepAll(29).contains(old), "closed, but not yet 30 days ago: kept");
        List<UUID> deleted = sweepAll(31);

        assertTrue(deleted.contains(old), "past 30 days and closed: deleted");
        assertFalse(deleted.contains(held), "under legal hold: kept");
        assertFalse(deleted.contains(open), "not closed: kept");
        ic.as().get("/api/rooms/" + old).then().statusCode(404);
        ic.as().get("/api/rooms/" + held).then().statusCode(200);
        for (String table : List.of("room_event", "room_member", "decision", "action_item", "statement", "ack_request")) {
            assertEquals(0, rowsOf(old, table), table);
        }
        String audit = given().auth().oauth2(Api.adminToken()).get("/api/audit?action=" + Retention.ACTION).then().statusCode(200).extract()
                .asString();
        assertTrue(audit.contains("room " + old) && audit.contains("Old breach"), audit);

        // Released from its hold, the held room goes at the next sweep.
        Api.accepted(legal, held, "room.release_hold", Map.of("reason", "settled"));
        assertTrue(sweepAll(31).contains(held));
        ic.as().get("/api/rooms/" + held).then().statusCode(404);
    }

    @Test
    void anEndedExercise_goesAfterItsOwnPeriod() {
        User facilitator = Api.newUser("Fran Facilitator");
        UUID exercise = Api.newExercise(facilitator, "test-drill");
        Api.accepted(facilitator, exercise, "exercise.start", Map.of("speed", 1));
        Api.accepted(facilitator, exercise, "exercise.end", Map.of());
        assertFalse(sweepAll(6).contains(exercise));
        assertTrue(sweepAll(8).contains(exercise));
        facilitator.as().get("/api/rooms/" + exercise).then().statusCode(404);
    }

    @Test
    void thePlanDeletesChildrenBeforeParents_andTheRoomLast() {
        List<String> plan = rows.statements();
        assertEquals("DELETE FROM room WHERE id = ?", plan.get(plan.size() - 1));
        assertTrue(plan.indexOf("DELETE FROM room_event WHERE room_id = ?") >= 0, plan.toString());
        int decisions = plan.indexOf("DELETE FROM decision WHERE room_id = ?");
        assertTrue(decisions > 0, plan.toString());
        assertTrue(plan.subList(0, decisions).stream().anyMatch(s -> s.contains("decision_vote")), "votes before decisions: " + plan);
        assertTrue(plan.stream().noneMatch(s -> s.contains("witnessed_checkpoint")), "what this server witnesses for others is theirs");
    }
}
