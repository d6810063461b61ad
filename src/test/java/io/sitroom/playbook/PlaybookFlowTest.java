package io.sitroom.playbook;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.sitroom.clock.MutableClock;
import io.sitroom.room.Timers;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;

@QuarkusTest
class PlaybookFlowTest {

    @Inject
    MutableClock clock;

    @Inject
    Timers timers;

    private static UUID openTyped(User ic, String title, String type) {
        String id = ic.as().contentType(ContentType.JSON).body(Map.of("kind", "INCIDENT", "title", title, "type", type))
                .post("/api/rooms").then().statusCode(201).extract().jsonPath().getString("id");
        return UUID.fromString(id);
    }

    /** The time the room opened, plus minutes, as the wire writes times. */
    private static String openedAt(User user, UUID room, int plusMinutes) {
        return timeOf(user, room, "room.created", plusMinutes);
    }

    private static String timeOf(User user, UUID room, String kind, int plusMinutes) {
        java.time.Instant at = java.time.Instant.parse((String) Api.events(user, room, kind).get(0).get("at"));
        return io.sitroom.room.HashChain.formatTime(at.plus(Duration.ofMinutes(plusMinutes)));
    }

    @Test
    void theTypes_areListed_withTheirChecklists() {
        User reader = Api.newUser("Reader");
        reader.as().get("/api/playbooks").then().statusCode(200)
                .body("id", hasItem("ransomware")).body("id", hasItem("leaked-credentials")).body("id", hasItem("ddos"))
                .body("id", hasItem("phishing-account-takeover")).body("id", hasItem("insider-data-theft"))
                .body("id", hasItem("third-party-breach"));
        reader.as().get("/api/playbooks/ransomware").then().statusCode(200)
                .body("severity", equalTo("SEV1")).body("sha256.length()", equalTo(64))
                .body("checklist.find { it.id == 'isolate' }.phase", equalTo("containment"));
        reader.as().get("/api/playbooks/nope").then().statusCode(404).body("error.code", equalTo("not_found"));
    }

    @Test
    void validate_reportsErrorsWithLines() {
        User author = Api.newUser("Author");
        author.as().contentType("application/yaml").body("id: x\nversion: one\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/playbooks/validate").then().statusCode(200)
                .body("valid", equalTo(false))
                .body("errors.find { it.path == 'version' }.line", equalTo(2))
                .body("errors.find { it.path == 'id' }.message", equalTo("must be 3 to 64 characters of a-z, 0-9 and '-', starting with a letter or digit"));
    }

    @Test
    void openingWithAType_appliesIt_withItsSeverityChecklistFieldsAndCadence() {
        User ic = Api.newUser("Ines");
        UUID room = openTyped(ic, "Encrypted file servers", "ransomware");
        var applied = Api.events(ic, room, "playbook.applied");
        assertEquals(1, applied.size());
        Map<?, ?> data = (Map<?, ?>) applied.get(0).get("data");
        assertEquals("ransomware", data.get("typeId"));
        assertEquals(1, data.get("version"));
        ic.as().get("/api/rooms/" + room).then().statusCode(200)
                .body("severity", equalTo("SEV1"))
                .body("playbook.typeId", equalTo("ransomware"))
                .body("checklist.find { it.itemId == 'declare' }.status", equalTo("open"))
                .body("fields.find { it.fieldId == 'exfiltration' }.type", equalTo("select"))
                // ransomware's SEV1 cadence is 30 minutes, as the deployment's default; the next update is due then
                .body("nextUpdateDue", equalTo(openedAt(ic, room, 30)));
        ic.as().contentType(ContentType.JSON).body(Map.of("kind", "INCIDENT", "title", "x", "type", "no-such-type"))
                .post("/api/rooms").then().statusCode(404).body("error.code", equalTo("not_found"));
    }

    @Test
    void aTypesCadence_overridesTheDeployments() {
        User ic = Api.newUser("Ines");
        // ddos: SEV2 every 30 minutes (the deployment's is 60), from when it was applied
        UUID room = openTyped(ic, "Checkout down", "ddos");
        ic.as().get("/api/rooms/" + room).then()
                .body("nextUpdateDue", equalTo(timeOf(ic, room, "playbook.applied", 30)));
    }

    @Test
    void checklist_isWorkedByOwners_skippedWithAReason_andFallsOverdue() {
        User ic = Api.newUser("Ines");
        User eng = Api.newUser("Eli");
        User exec = Api.newUser("Eve");
        UUID room = Api.newIncident(ic, "Key on GitHub");
        Api.addMember(ic, room, eng, "containment_lead");
        Api.addMember(ic, room, exec, "executive");
        Api.accepted(ic, room, "playbook.apply", Map.of("type", "leaked-credentials"));
        Api.command(ic, room, "playbook.apply", Map.of("type", "ddos")).then().statusCode(409);

        Api.accepted(eng, room, "checklist.check", Map.of("itemId", "revoke", "note", "key deactivated"));
        Api.command(exec, room, "checklist.check", Map.of("itemId", "confirm")).then().statusCode(403);
        Api.command(eng, room, "checklist.skip", Map.of("itemId", "related-secrets")).then().statusCode(400);
        Api.accepted(eng, room, "checklist.skip", Map.of("itemId", "related-secrets", "reason", "the file held nothing else"));
        Api.accepted(ic, room, "checklist.assign", Map.of("itemId", "lessons-learned", "userId", exec.id().toString()));
        Api.accepted(exec, room, "checklist.check", Map.of("itemId", "lessons-learned"));
        Api.accepted(exec, room, "checklist.uncheck", Map.of("itemId", "lessons-learned"));

        clock.advance(Duration.ofMinutes(31));
        timers.fireDue();
        timers.fireDue();
        var overdue = Api.events(ic, room, "checklist.overdue");
        assertEquals(List.of("confirm"), overdue.stream().map(e -> ((Map<?, ?>) e.get("data")).get("itemId")).toList());
        Api.accepted(eng, room, "checklist.check", Map.of("itemId", "confirm"));

        ic.as().get("/api/rooms/" + room).then()
                .body("checklist.find { it.itemId == 'revoke' }.status", equalTo("done"))
                .body("checklist.find { it.itemId == 'revoke' }.note", equalTo("key deactivated"))
                .body("checklist.find { it.itemId == 'revoke' }.doneByName", equalTo("Eli"))
                .body("checklist.find { it.itemId == 'related-secrets' }.skipReason", equalTo("the file held nothing else"))
                .body("checklist.find { it.itemId == 'lessons-learned' }.status", equalTo("open"))
                .body("checklist.find { it.itemId == 'lessons-learned' }.assigneeName", equalTo("Eve"))
                .body("checklist.find { it.itemId == 'confirm' }.late", equalTo(true))
                .body("checklist.find { it.itemId == 'confirm' }.overdue", equalTo(true));

        String markdown = ic.as().get("/api/rooms/" + room + "/export?format=markdown").then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(markdown.contains("| skipped: the file held nothing else | Eli |"), markdown);
        org.junit.jupiter.api.Assertions.assertTrue(markdown.contains("Incident type: Leaked credentials or cloud keys (leaked-credentials), "
                + "version 1"), markdown);
        org.junit.jupiter.api.Assertions.assertTrue(markdown.contains("| detection | Confirm the exposure is real"), markdown);
        org.junit.jupiter.api.Assertions.assertTrue(markdown.contains("| done late | Eli |"), markdown);
        ic.as().get("/api/rooms/" + room + "/export?format=json").then().statusCode(200)
                .body("room.checklist.find { it.itemId == 'revoke' }.status", equalTo("done"));
    }

    @Test
    void fields_areSetWithValuesOfTheirType() {
        User ic = Api.newUser("Ines");
        User eng = Api.newUser("Eli");
        UUID room = openTyped(ic, "Phish", "phishing-account-takeover");
        Api.addMember(ic, room, eng, "containment_lead");
        Api.accepted(eng, room, "field.set", Map.of("fieldId", "accounts_compromised", "values", List.of("3")));
        Api.accepted(eng, room, "field.set", Map.of("fieldId", "mfa_bypass", "values", List.of("push fatigue")));
        Api.command(eng, room, "field.set", Map.of("fieldId", "mfa_bypass", "values", List.of("magic"))).then().statusCode(400);
        Api.command(eng, room, "field.set", Map.of("fieldId", "nope", "values", List.of("1"))).then().statusCode(404);
        Api.accepted(eng, room, "field.set", Map.of("fieldId", "first_click", "values", List.of("2026-11-30")));
        Api.accepted(eng, room, "field.set", Map.of("fieldId", "first_click"));
        ic.as().get("/api/rooms/" + room).then()
                .body("fields.find { it.fieldId == 'accounts_compromised' }.values", contains("3"))
                .body("fields.find { it.fieldId == 'mfa_bypass' }.display", equalTo("push fatigue"))
                .body("fields.find { it.fieldId == 'first_click' }.values", hasSize(0))
                .body("fields.find { it.fieldId == 'payment_fraud' }.seq", nullValue());
    }

    @Test
    void fieldsOfEveryType_reachTheExports_andTheSearchFilters() {
        User ic = Api.newUser("Ines");
        User eng = Api.newUser("Eli Forensics");
        UUID room = openTyped(ic, "Encrypted file servers", "ransomware");
        Api.addMember(ic, room, eng, "containment_lead");
        Api.accepted(eng, room, "field.set", Map.of("fieldId", "encrypted_hosts", "values", List.of("12.50")));
        Api.accepted(eng, room, "field.set", Map.of("fieldId", "business_units", "values", List.of("finance", "sales")));
        Api.accepted(eng, room, "field.set", Map.of("fieldId", "forensics_lead", "values", List.of(eng.id().toString())));
        Api.accepted(eng, room, "field.set", Map.of("fieldId", "law_enforcement_date", "values", List.of("2026-11-30")));
        // Each type refuses what it cannot hold, with a 4xx that says why.
        Api.command(eng, room, "field.set", Map.of("fieldId", "encrypted_hosts", "values", List.of("twelve"))).then().statusCode(400)
                .body("error.message", containsString("takes a number"));
        Api.command(eng, room, "field.set", Map.of("fieldId", "encrypted_hosts", "values", List.of("1", "2"))).then().statusCode(400);
        Api.command(eng, room, "field.set", Map.of("fieldId", "business_units", "values", List.of("finance", "finance"))).then().statusCode(400);
        Api.command(eng, room, "field.set", Map.of("fieldId", "business_units", "values", List.of("marketing"))).then().statusCode(400);
        Api.command(eng, room, "field.set", Map.of("fieldId", "forensics_lead", "values", List.of("not-a-user"))).then().statusCode(400);
        Api.command(eng, room, "field.set", Map.of("fieldId", "forensics_lead", "values", List.of(UUID.randomUUID().toString())))
                .then().statusCode(404);
        Api.command(eng, room, "field.set", Map.of("fieldId", "law_enforcement_date", "values", List.of("30.11.2026"))).then().statusCode(400);

        String markdown = ic.as().get("/api/rooms/" + room + "/export?format=markdown").then().statusCode(200).extract().asString();
        for (String row : List.of("| Hosts encrypted | 12\\.5 |", "| Business units affected | finance, sales |", "| Forensics lead | Eli Forensics |",
                "| Law enforcement notified on | 2026-11-30 |", "| Data exfiltration | (not set) |")) {
            org.junit.jupiter.api.Assertions.assertTrue(markdown.contains(row), row + " in " + markdown);
        }
        String html = ic.as().get("/api/rooms/" + room + "/export?format=html").then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(html.contains("<tr><td>Forensics lead</td><td>Eli Forensics</td></tr>"), html);
        ic.as().get("/api/rooms/" + room + "/export?format=json").then().statusCode(200)
                .body("room.fields.find { it.fieldId == 'business_units' }.values", contains("finance", "sales"))
                .body("room.fields.find { it.fieldId == 'forensics_lead' }.values", contains(eng.id().toString()));

        ic.as().queryParam("field.forensics_lead", "eli forensics").get("/api/search").then().statusCode(200)
                .body("rooms.roomId", hasItem(room.toString()));
        ic.as().queryParam("field.business_units", "Sales").queryParam("field.encrypted_hosts", "12.5").get("/api/search").then()
                .statusCode(200).body("rooms.roomId", hasItem(room.toString()));
        ic.as().queryParam("field.business_units", "operations").get("/api/search").then().statusCode(200)
                .body("rooms.roomId", not(hasItem(room.toString())));
    }
}
