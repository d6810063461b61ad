package io.sitroom.search;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;

@QuarkusTest
class SearchTest {

    /** A word no other test writes, so that a search sees this test's rooms only. */
    private static String word() {
        return "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private static io.restassured.response.ValidatableResponse search(User user, String query) {
        return user.as().get("/api/search?" + query).then().statusCode(200);
    }

    /** An incident whose title holds a word of its own ({@link #word()}), with its IC, a legal member and an executive. */
    private record Incident(String w, User ic, User legal, User exec, UUID room) {
        static Incident opened(String title) {
            String w = word();
            User ic = Api.newUser("Ines");
            User legal = Api.newUser("Lea");
            User exec = Api.newUser("Eve");
            UUID room = Api.newIncident(ic, title + " " + w);
            Api.addMember(ic, room, legal, "legal");
            Api.addMember(ic, room, exec, "executive");
            return new Incident(w, ic, legal, exec, room);
        }
    }

    @Test
    void aLegalOnlyNote_isNeverFoundByAnExecutive_butByLegalAndTheIc() {
        Incident t = Incident.opened("Breach");
        User stranger = Api.newUser("Stranger");
        long privileged = Api.accepted(t.legal(), t.room(), "note.add",
                Map.of("text", "privileged: " + t.w() + " exposure analysis", "visibleTo", List.of("legal")));
        long everyone = Api.accepted(t.ic(), t.room(), "note.add", Map.of("text", "public " + t.w() + " status"));

        search(t.exec(), "q=" + t.w()).body("entries.seq", not(hasItem((int) privileged))).body("entries.seq", hasItem((int) everyone))
                .body("entries.find { it.seq == " + everyone + " }.link", equalTo("/rooms/" + t.room() + "?seq=" + everyone));
        search(t.exec(), "q=" + t.w() + "+exposure").body("entries", empty());
        search(t.legal(), "q=" + t.w() + "+exposure").body("entries.seq", contains((int) privileged));
        search(t.ic(), "q=" + t.w() + "+exposure").body("entries.seq", contains((int) privileged));
        search(stranger, "q=" + t.w()).body("entries", empty()).body("rooms", empty());
    }

    @Test
    void entriesTheCallerMayNotSee_neverCrowdOutOlderOnesTheyMay_amongTheNewestRanked() {
        // The tests rank the 20 newest matches (%test.sitroom.search.candidates): 25 newer legal-only notes match too.
        Incident t = Incident.opened("Crowded");
        long everyone = Api.accepted(t.ic(), t.room(), "note.add", Map.of("text", "public " + t.w() + " status"));
        long own = Api.accepted(t.exec(), t.room(), "note.add",
                Map.of("text", "the executive's own " + t.w() + " question", "visibleTo", List.of("legal")));
        for (int i = 0; i < 25; i++) {
            Api.accepted(t.legal(), t.room(), "note.add",
                    Map.of("text", "privileged " + t.w() + " analysis " + i, "visibleTo", List.of("legal")));
        }
        // In another room the executive is a scribe: the rule holds per room, with the roles held there.
        UUID other = Api.newIncident(t.ic(), "Elsewhere " + t.w());
        Api.addMember(t.ic(), other, t.exec(), "scribe");
        Api.accepted(t.ic(), other, "note.add", Map.of("text", "scribes only " + t.w(), "visibleTo", List.of("scribe")));
        Api.accepted(t.ic(), other, "note.add", Map.of("text", "legal only " + t.w(), "visibleTo", List.of("legal")));
        // The room's title (seq 1), the note for everyone and the one they wrote: the 25 newer ones took no place.
        search(t.exec(), "q=" + t.w())
                .body("entries.findAll { it.roomId == '" + t.room() + "' }.seq", containsInAnyOrder(1, (int) everyone, (int) own))
                .body("rooms.find { it.roomId == '" + t.room() + "' }.matches", equalTo(3))
                .body("rooms.find { it.roomId == '" + other + "' }.matches", equalTo(2));
        search(t.legal(), "q=" + t.w()).body("entries.size()", equalTo(20));
        search(t.ic(), "q=" + t.w()).body("entries.size()", equalTo(20));
    }

    @Test
    void anExercisesHiddenInject_isNeverFoundByAPlayer_itWasNotFor() {
        User facilitator = Api.newUser("Fay");
        User exec = Api.newUser("Eve");
        UUID room = Api.newExercise(facilitator, "test-drill");
        Api.addMember(facilitator, room, exec, "executive");
        Api.accepted(facilitator, room, "exercise.start", Map.of("speed", 1));
        Api.accepted(facilitator, room, "exercise.inject", Map.of("injectId", "legal-brief"));
        // "Outside counsel asks for a call." went to legal only; "Ransomware note on FS-02." to the IC only.
        search(exec, "q=counsel").body("entries.roomId", not(hasItem(room.toString())));
        search(exec, "q=ransomware+note").body("entries.roomId", not(hasItem(room.toString())));
        search(facilitator, "q=counsel").body("entries.roomId", hasItem(room.toString()));
    }

    @Test
    void search_findsChecklistItemsAndFiltersByTypeSeverityAndFields_withHighlights() {
        String w = word();
        User ic = Api.newUser("Ines");
        String typed = ic.as().contentType(ContentType.JSON).body(Map.of("kind", "INCIDENT", "title", "Keys " + w, "type",
                "leaked-credentials")).post("/api/rooms").then().statusCode(201).extract().jsonPath().getString("id");
        UUID plain = Api.newIncident(ic, "Other " + w);
        Api.accepted(ic, UUID.fromString(typed), "field.set", Map.of("fieldId", "credential_kind", "values", List.of("password")));
        Api.accepted(ic, UUID.fromString(typed), "checklist.skip", Map.of("itemId", "related-secrets", "reason", w + " nothing else in the file"));

        search(ic, "q=" + w).body("rooms.roomId", containsInAnyOrder(typed, plain.toString()));
        search(ic, "q=" + w + "&type=leaked-credentials").body("rooms.roomId", contains(typed));
        search(ic, "q=" + w + "&severity=SEV2&field.credential_kind=Password").body("rooms.roomId", contains(typed));
        search(ic, "q=" + w + "&field.credential_kind=token").body("rooms", empty());
        // Two words, sent as a browser's form would (a space); a literal "+" is a phrase operator to PostgreSQL's websearch syntax.
        ic.as().queryParam("q", w + " file").get("/api/search").then().statusCode(200).body("entries[0].kind", equalTo("checklist.skipped"))
                .body("entries[0].snippet", equalTo("Rotate secrets exposed alongside it (same file, same repository, same environment) " + w
                        + " nothing else in the file"))
                .body("entries[0].highlights[0]", contains(42, 46));
        search(ic, "type=leaked-credentials&kind=incident").body("rooms.roomId", hasItem(typed))
                .body("rooms.roomId", not(hasItem(plain.toString())));
        ic.as().get("/api/search?severity=SEV 9!").then().statusCode(400).body("error.code", equalTo("invalid"));
        ic.as().get("/api/search?phase=Hunting").then().statusCode(400).body("error.code", equalTo("invalid"));
        ic.as().get("/api/search?from=yesterday").then().statusCode(400);
    }
}
