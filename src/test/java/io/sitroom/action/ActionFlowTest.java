package io.sitroom.action;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
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
class ActionFlowTest {

    @Inject
    MutableClock clock;

    @Inject
    Timers timers;

    private static String actionId(User user, UUID room, String title) {
        return Api.events(user, room, "action.created").stream().map(e -> (Map<?, ?>) e.get("data"))
                .filter(d -> title.equals(d.get("title"))).map(d -> (String) d.get("actionId")).findFirst().orElseThrow();
    }

    @Test
    void myOpenActions_spanRooms_includeClosedRooms_andAreRankedByRisk() {
        User ic = Api.newUser("Ines");
        User eng = Api.newUser("Eli");
        UUID first = Api.newIncident(ic, "First");
        UUID second = Api.newIncident(ic, "Second");
        Api.addMember(ic, first, eng, "containment_lead");
        Api.addMember(ic, second, eng, "containment_lead");
        Api.accepted(ic, first, "action.create", Map.of("title", "Patch VPN", "ownerId", eng.id().toString(),
                "risk", Map.of("likelihood", 2, "impact", 3, "exposure", 2, "effort", 4)));
        Api.accepted(ic, second, "action.create", Map.of("title", "Rotate all keys", "ownerRole", "containment_lead",
                "risk", Map.of("likelihood", 5, "impact", 5, "exposure", 4, "effort", 2)));
        Api.accepted(ic, second, "action.create", Map.of("title", "Someone else's", "ownerId", ic.id().toString()));
        Api.accepted(ic, first, "room.phase", Map.of("phase", "closed"));

        eng.as().get("/api/actions?owner=me&status=open").then().statusCode(200)
                .body("title", contains("Rotate all keys", "Patch VPN"))
                .body("riskScore", contains(400, 24));
        Api.accepted(eng, second, "action.update", Map.of("actionId", actionId(ic, second, "Rotate all keys"), "status", "done"));
        eng.as().get("/api/actions?owner=me&status=open").then().body("title", contains("Patch VPN"));
        eng.as().get("/api/actions?owner=me&status=closed").then().body("title", contains("Rotate all keys"));
        eng.as().get("/api/actions?owner=me&status=nonsense").then().statusCode(400);
    }

    @Test
    void update_byNeitherOwnerNorIc_isForbidden() {
        User ic = Api.newUser("Ines");
        User eng = Api.newUser("Eli");
        User legal = Api.newUser("Lea");
        UUID room = Api.newIncident(ic, "Owners");
        Api.addMember(ic, room, eng, "containment_lead");
        Api.addMember(ic, room, legal, "legal");
        Api.accepted(ic, room, "action.create", Map.of("title", "Image the laptop", "ownerId", eng.id().toString()));
        String id = actionId(ic, room, "Image the laptop");
        Api.command(legal, room, "action.update", Map.of("actionId", id, "status", "done")).then().statusCode(403);
        Api.accepted(eng, room, "action.update", Map.of("actionId", id, "status", "in_progress", "note", "imaging now"));
        ic.as().get("/api/rooms/" + room + "/actions").then().body("[0].status", equalTo("in_progress"));
    }

    @Test
    void actionPastItsDueTime_isReportedOverdue_once_andHighlighted() {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Overdue");
        Api.accepted(ic, room, "action.create", Map.of("title", "Preserve logs", "ownerId", ic.id().toString(),
                "dueAt", clock.instant().plus(Duration.ofMinutes(30)).toString()));
        clock.advance(Duration.ofMinutes(31));
        timers.fireDue();
        timers.fireDue();
        assertEquals(1, Api.events(ic, room, "action.overdue").size());
        ic.as().get("/api/rooms/" + room).then().body("actions[0].overdue", equalTo(true));
        ic.as().get("/api/actions?owner=me&status=open").then().body("title", hasItem("Preserve logs"));
    }

    @Test
    void roomActions_areForMembersOnly() {
        User ic = Api.newUser("Ines");
        User stranger = Api.newUser("Stranger");
        UUID room = Api.newIncident(ic, "Private");
        Api.accepted(ic, room, "action.create", Map.of("title", "Secret work"));
        stranger.as().get("/api/rooms/" + room + "/actions").then().statusCode(404);
        stranger.as().get("/api/actions?owner=me").then().body("title", not(hasItem("Secret work")));
    }
}
