package io.sitroom.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static io.sitroom.testing.ExportTampering.assertCaught;
import static io.sitroom.testing.ExportTampering.index;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.sitroom.clock.MutableClock;
import io.sitroom.room.EventTypes;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;
import io.sitroom.verify.ExportVerifier;

/**
 * The readable sections of real exports, derived again from their events by the offline verifier: they agree
 * with what the server wrote for every viewer (the server's own projections and these are held to each
 * other here), and a section changed in the file is caught at its field.
 */
@QuarkusTest
class ReadableSectionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EventTypes types;

    @Inject
    MutableClock clock;

    private record Room(UUID id, User ic, User legal, User exec, User scribe) {
    }

    /** Members who come, go and come back; roles taken, handed over and left; notes for all and for legal; decisions in every state. */
    private static Room room() {
        User ic = Api.newUser("Ines");
        User legal = Api.newUser("Lea");
        User exec = Api.newUser("Erin");
        User scribe = Api.newUser("Sam");
        UUID room = Api.newIncident(ic, "Proof of the readable sections");
        Api.addMember(ic, room, legal, "legal");
        Api.addMember(ic, room, exec, "executive");
        Api.addMember(ic, room, scribe, "scribe");
        Api.accepted(ic, room, "room.severity", Map.of("severity", "SEV1"));
        Api.accepted(ic, room, "role.assign", Map.of("userId", scribe.id().toString(), "role", "comms_approver"));
        Api.accepted(ic, room, "role.handover", Map.of("role", "scribe", "fromUserId", scribe.id().toString(), "toUserId", legal.id().toString()));
        Api.accepted(ic, room, "role.release", Map.of("userId", scribe.id().toString(), "role", "comms_approver"));
        Api.accepted(ic, room, "member.remove", Map.of("userId", scribe.id().toString()));
        Api.addMember(ic, room, scribe, "scribe");
        Api.accepted(ic, room, "note.add", Map.of("text", "Historian servers encrypted"));
        Api.accepted(legal, room, "note.add", Map.of("text", "privileged: counsel advises caution", "visibleTo", List.of("legal")));
        String accepted = propose(ic, room, "Isolate the plant network", "isolate", List.of("legal"), null);
        Api.accepted(legal, room, "decision.approve", Map.of("decisionId", accepted, "comment", "agreed"));
        String rejected = propose(ic, room, "Pay the ransom", "no", List.of("legal"), null);
        Api.accepted(legal, room, "decision.reject", Map.of("decisionId", rejected, "reason", "sanctions risk"));
        String pending = propose(ic, room, "Tell the regulator", "within 72 h", List.of("legal", "incident_commander"), null);
        Api.accepted(legal, room, "decision.approve", Map.of("decisionId", pending));
        String old = propose(ic, room, "Restore from tape", "tape", List.of("legal"), null);
        propose(ic, room, "Restore from snapshots", "snapshots", List.of("legal"), old);
        Api.accepted(ic, room, "action.create", Map.of("title", "Restore the historian", "ownerId", ic.id().toString(),
                "dueAt", "2030-01-01T00:00:00Z"));
        Api.accepted(ic, room, "action.create", Map.of("title", "Rotate service accounts", "ownerRole", "legal",
                "risk", Map.of("likelihood", 4, "impact", 5, "exposure", 3, "effort", 2)));
        long done = Api.accepted(ic, room, "action.create", Map.of("title", "Call the insurer"));
        String doneId = ic.as().get("/api/rooms/" + room + "/events?since=" + (done - 1) + "&limit=1").then().statusCode(200).extract()
                .path("events[0].data.actionId");
        Api.accepted(ic, room, "action.update", Map.of("actionId", doneId, "status", "in_progress"));
        Api.accepted(ic, room, "action.update", Map.of("actionId", doneId, "status", "done", "note", "claim filed"));
        Api.accepted(ic, room, "role.assign", Map.of("userId", scribe.id().toString(), "role", "comms_approver"));
        long drafted = Api.accepted(ic, room, "statement.draft", Map.of("title", "Service notice", "body", "We are investigating.",
                "channel", "status page"));
        String statementId = ic.as().get("/api/rooms/" + room + "/events?since=" + (drafted - 1) + "&limit=1").then().statusCode(200)
                .extract().path("events[0].data.statementId");
        Api.accepted(legal, room, "statement.approve", Map.of("statementId", statementId, "as", "legal"));
        Api.accepted(ic, room, "statement.draft", Map.of("statementId", statementId, "title", "Service notice",
                "body", "Production is stopped at one plant.", "channel", "status page"));
        Api.accepted(legal, room, "statement.approve", Map.of("statementId", statementId, "as", "legal"));
        Api.accepted(scribe, room, "statement.approve", Map.of("statementId", statementId, "as", "comms_approver"));
        Api.accepted(scribe, room, "statement.publish", Map.of("statementId", statementId));
        Api.accepted(ic, room, "statement.draft", Map.of("title", "Customer letter", "body", "Dear customer", "channel", "e-mail"));
        Api.accepted(ic, room, "update.post", Map.of("audience", "all", "summary", "Plant isolated"));
        Api.accepted(ic, room, "update.post", Map.of("audience", "executive", "summary", "Ransom demanded", "impact", "Board briefed"));
        Api.accepted(ic, room, "update.post", Map.of("audience", "legal", "summary", "Regulator clock running", "exposure", "72 h"));
        Api.accepted(ic, room, "update.post", Map.of("audience", "all", "summary", "Restoring from snapshots"));
        long request = Api.accepted(ic, room, "ack.request", Map.of("about", drafted, "roles", List.of("legal", "executive")));
        String ackId = ic.as().get("/api/rooms/" + room + "/events?since=" + (request - 1) + "&limit=1").then().statusCode(200)
                .extract().path("events[0].data.ackId");
        Api.accepted(legal, room, "ack.give", Map.of("ackId", ackId));
        // On the public status page, off it, and on it again.
        Api.accepted(ic, room, "room.public", Map.of());
        Api.accepted(ic, room, "room.private", Map.of());
        Api.accepted(ic, room, "room.public", Map.of());
        Api.accepted(ic, room, "room.phase", Map.of("phase", "containment"));
        // A time-bound exception, accepted and still open.
        long exception = Api.accepted(ic, room, "decision.propose", Map.of("title", "Leave the legacy VPN up", "choice", "until Friday",
                "options", List.of("until Friday", "close it now"), "rationale", "the plant needs it", "approvers", List.of("legal"),
                "expiresAt", "2031-01-01T00:00:00Z"));
        String exceptionId = ic.as().get("/api/rooms/" + room + "/events?since=" + (exception - 1) + "&limit=1").then().statusCode(200)
                .extract().path("events[0].data.decisionId");
        Api.accepted(legal, room, "decision.approve", Map.of("decisionId", exceptionId));
        // An incident type: its checklist worked (done, undone, done again; skipped; given to someone) and its fields set.
        Api.accepted(ic, room, "playbook.apply", Map.of("type", "ransomware"));
        Api.accepted(ic, room, "checklist.check", Map.of("itemId", "declare"));
        Api.accepted(ic, room, "checklist.uncheck", Map.of("itemId", "declare"));
        Api.accepted(ic, room, "checklist.check", Map.of("itemId", "declare", "note", "declared on the bridge"));
        Api.accepted(ic, room, "checklist.skip", Map.of("itemId", "open-bridge", "reason", "phones only"));
        Api.accepted(ic, room, "checklist.assign", Map.of("itemId", "scope-first-hosts", "userId", scribe.id().toString()));
        Api.accepted(ic, room, "field.set", Map.of("fieldId", "ransomware_family", "values", List.of("LockBit")));
        Api.accepted(ic, room, "field.set", Map.of("fieldId", "business_units", "values", List.of("finance", "operations")));
        Api.accepted(ic, room, "field.set", Map.of("fieldId", "forensics_lead", "values", List.of(legal.id().toString())));
        return new Room(room, ic, legal, exec, scribe);
    }

    private static String propose(User ic, UUID room, String title, String choice, List<String> approvers, String supersedes) {
        Map<String, Object> data = new java.util.HashMap<>(Map.of("title", title, "choice", choice, "options", List.of(choice, "wait"),
                "rationale", "because the record says so", "approvers", approvers));
        if (supersedes != null) {
            data.put("supersedes", supersedes);
        }
        long seq = Api.accepted(ic, room, "decision.propose", data);
        return ic.as().get("/api/rooms/" + room + "/events?since=" + (seq - 1) + "&limit=1").then().statusCode(200).extract()
                .path("events[0].data.decisionId");
    }

    private static String export(User who, UUID room) {
        return who.as().get("/api/rooms/" + room + "/export?format=json").then().statusCode(200).extract().asString();
    }

    @Test
    void everyViewersExport_provesItsReadableSections() {
        Room r = room();
        for (User who : List.of(r.ic(), r.legal(), r.exec(), r.scribe())) {
            ExportVerifier.Result result = ExportVerifier.verify(export(who, r.id()));
            assertTrue(result.ok(), who.displayName() + ": " + result);
            assertNull(result.proven().disagreement());
            // An executive update is for its audience: who saw only some events cannot prove when the first one came.
            List<String> provable = ReadableSections.PATHS.stream()
                    .filter(p -> result.redacted() == 0 || !p.equals("metrics.timeToFirstExecutiveUpdateSeconds")).toList();
            assertTrue(result.proven().sections().containsAll(provable), who.displayName() + ": " + result.proven());
            assertTrue(result.proven().sections().containsAll(List.of("room.id", "room.seq", "room.headHash")), result.proven().toString());
            assertTrue(result.proven().unproven().contains("room.can"), "what is not derived again is said: " + result.proven());
            assertFalse(result.proven().unproven().contains("metrics.timeToContainmentSeconds"), result.proven().toString());
        }
    }

    @Test
    void aDueTimeTheServerDerivesFromItsClock_isProvenToTheMillisecond_whateverTheClocksFinerDigits() {
        clock.freeze();
        try {
            // A hair before the next millisecond: a due time kept to the microsecond would round up in the database.
            Instant now = clock.instant();
            clock.advance(Duration.ofNanos(999_999 - now.getNano() % 1_000_000));
            User ic = Api.newUser("Ines");
            UUID room = Api.newIncident(ic, "Due times to the millisecond");
            Api.accepted(ic, room, "playbook.apply", Map.of("type", "ransomware"));
            ExportVerifier.Result result = ExportVerifier.verify(export(ic, room));
            assertTrue(result.ok(), result.toString());
            assertTrue(result.proven().sections().contains("room.checklist"), result.proven().toString());
        } finally {
            clock.unfreeze();
        }
    }

    @Test
    void theScheduleARoomOpensWith_isProvenBeforeItsFirstUpdate() throws Exception {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "No update posted yet");
        Api.accepted(ic, room, "note.add", Map.of("text", "triage started"));
        String json = export(ic, room);
        ExportVerifier.Result result = ExportVerifier.verify(json);
        assertTrue(result.ok(), result.toString());
        assertTrue(result.proven().sections().containsAll(List.of("room.nextUpdateDue", "room.lastUpdateAt")), result.proven().toString());
        JsonNode root = JSON.readTree(json);
        String due = root.path("room").path("nextUpdateDue").asText();
        assertFalse(due.isEmpty(), "an incident at its default severity owes updates: " + root.path("room"));
        String later = Instant.parse(due).plus(Duration.ofHours(4)).toString();
        assertCaught(json, e -> ((ObjectNode) e.path("room")).put("nextUpdateDue", later),
                "room.nextUpdateDue: the file says \"" + later + "\", the events say \"" + due + "\"");
    }

    @Test
    void aDecisionsChoice_aNotesText_aRoleHolder_theRoleHistory_aLesson_andAMetric_changedInTheFile_areCaughtByName() throws Exception {
        Room r = room();
        String json = export(r.ic(), r.id());
        JsonNode root = JSON.readTree(json);
        int decision = index(root.path("room").path("decisions"), d -> d.path("title").asText().equals("Pay the ransom"));
        int note = index(root.path("room").path("notes"), n -> n.path("text").asText().equals("Historian servers encrypted"));
        int member = index(root.path("room").path("members"), m -> m.path("displayName").asText().equals("Sam"));
        int handOver = index(root.path("roleHistory"), c -> c.path("kind").asText().equals("role.handed_over"));

        assertCaught(json, e -> ((ObjectNode) e.path("room").path("decisions").get(decision)).put("choice", "yes, pay"),
                "room.decisions[" + decision + "].choice: the file says \"yes, pay\", the events say \"no\"");
        assertCaught(json, e -> ((ObjectNode) e.path("room").path("notes").get(note)).put("text", "Nothing encrypted"),
                "room.notes[" + note + "].text: the file says \"Nothing encrypted\", the events say \"Historian servers encrypted\"");
        assertCaught(json, e -> ((ArrayNode) e.path("room").path("members").get(member).path("roles")).set(0, "incident_commander"),
                "room.members[" + member + "].roles[0]: the file says \"incident_commander\", the events say \"comms_approver\"");
        assertCaught(json, e -> ((ObjectNode) e.path("roleHistory").get(handOver).path("to")).put("displayName", "Erin"),
                "roleHistory[" + handOver + "].to.displayName: the file says \"Erin\", the events say \"Lea\"");
        assertCaught(json, e -> ((ObjectNode) e.path("room")).put("severity", "SEV4"),
                "room.severity: the file says \"SEV4\", the events say \"SEV1\"");
        assertCaught(json, e -> ((ObjectNode) e.path("room")).put("public", false),
                "room.public: the file says false, the events say true");
        int action = index(root.path("room").path("actions"), a -> a.path("title").asText().equals("Call the insurer"));
        assertCaught(json, e -> ((ObjectNode) e.path("room").path("actions").get(action)).put("status", "open"),
                "room.actions[" + action + "].status: the file says \"open\", the events say \"done\"");
        int statement = index(root.path("room").path("statements"), t -> t.path("title").asText().equals("Service notice"));
        assertCaught(json, e -> ((ObjectNode) e.path("room").path("statements").get(statement)).put("body", "All is well."),
                "room.statements[" + statement + "].body: the file says \"All is well.\", the events say \"Production is stopped");
        assertCaught(json, e -> ((ObjectNode) e.path("room").path("acks").get(0)).putArray("pending"),
                "room.acks[0].pending: the file lists 0, the events 1");
        int update = index(root.path("updates"), u -> u.path("data").path("summary").asText().equals("Ransom demanded"));
        assertCaught(json, e -> ((ObjectNode) e.path("updates").get(update).path("data")).put("summary", "No ransom"),
                "updates[" + update + "].data.summary: the file says \"No ransom\", the events say \"Ransom demanded\"");
        long latency = root.path("metrics").path("decisionLatencySeconds").asLong();
        assertCaught(json, e -> ((ObjectNode) e.path("metrics")).put("decisionLatencySeconds", latency + 3600),
                "metrics.decisionLatencySeconds: the file says " + (latency + 3600) + ", the events say " + latency);
        assertCaught(json, e -> ((ObjectNode) e.path("metrics")).put("overdueActions", 7),
                "metrics.overdueActions: the file says 7, the events say 0");
        assertCaught(json, e -> ((ArrayNode) e.path("lessonsLearned")).set(0, "Nothing to learn"),
                "lessonsLearned[0]: the file says \"Nothing to learn\", the events say \"1 decision(s) were rejected");
        assertCaught(json, e -> ((ArrayNode) e.path("room").path("decisions")).remove(decision),
                "room.decisions[" + decision + "]");
        int item = index(root.path("room").path("checklist"), i -> i.path("itemId").asText().equals("open-bridge"));
        assertCaught(json, e -> ((ObjectNode) e.path("room").path("checklist").get(item)).put("status", "done"),
                "room.checklist[" + item + "].status: the file says \"done\", the events say \"skipped\"");
        int field = index(root.path("room").path("fields"), f -> f.path("fieldId").asText().equals("ransomware_family"));
        assertCaught(json, e -> ((ArrayNode) e.path("room").path("fields").get(field).path("values")).set(0, "Conti"),
                "room.fields[" + field + "].values[0]: the file says \"Conti\", the events say \"LockBit\"");
        assertCaught(json, e -> ((ObjectNode) e.path("room").path("playbook")).put("version", 2),
                "room.playbook.version: the file says 2, the events say 1");
        assertCaught(json, e -> ((ObjectNode) e.path("room")).put("nextUpdateDue", "2030-01-01T00:00:00.000Z"),
                "room.nextUpdateDue: the file says \"2030-01-01T00:00:00.000Z\", the events say");
        assertCaught(json, e -> ((ObjectNode) e.path("metrics")).put("openExceptions", 0),
                "metrics.openExceptions: the file says 0, the events say 1");
        long contained = root.path("metrics").path("timeToContainmentSeconds").asLong();
        assertCaught(json, e -> ((ObjectNode) e.path("metrics")).putNull("timeToContainmentSeconds"),
                "metrics.timeToContainmentSeconds: the file says nothing, the events say " + contained);
        // Open exceptions are as of the moment the file says it was made: a later moment, an older exception.
        Instant exportedAt = Instant.parse(root.path("exportedAt").asText());
        assertCaught(json, e -> ((ObjectNode) e).put("exportedAt", exportedAt.plus(Duration.ofDays(30)).toString()),
                "metrics.oldestOpenExceptionAgeSeconds: the file says " + root.path("metrics").path("oldestOpenExceptionAgeSeconds").asLong()
                        + ", the events say " + (root.path("metrics").path("oldestOpenExceptionAgeSeconds").asLong() + 30 * 86_400));
    }

    @Test
    void theVerifiersDecoder_readsEveryEventAsTheServersDecoderDoes() throws Exception {
        Room r = room();
        JsonNode events = JSON.readTree(export(r.ic(), r.id())).path("chain").path("events");
        PayloadReader reader = new PayloadReader(ReadableSections.PAYLOADS);
        int compared = 0;
        for (JsonNode e : events) {
            if (e.has("data")) {
                Object plain = JSON.convertValue(e.path("data"), Object.class);
                var read = reader.read(e.path("kind").asText(), plain);
                if (read.isPresent()) {
                    assertEquals(types.decode(e.path("kind").asText(), e.path("data")), read.get(), "seq " + e.path("seq"));
                    compared++;
                }
            }
        }
        assertTrue(compared > 20, "compared " + compared);
    }
}
