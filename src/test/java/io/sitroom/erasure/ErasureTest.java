package io.sitroom.erasure;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.sitroom.room.LoggedEvent;
import io.sitroom.room.Room;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;
import io.sitroom.verify.ExportVerifier;

/** Erasure that keeps the chain, and legal hold, through the public surface (docs/protocol.md, "Erasure and legal hold"). */
@QuarkusTest
class ErasureTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "Call Jane Roe at +1 555 0100";

    private record Incident(UUID room, User ic, User legal, User exec, User scribe) {
    }

    private static Incident incident() {
        User ic = Api.newUser("Ines IC");
        User legal = Api.newUser("Lea Legal");
        User exec = Api.newUser("Eve Exec");
        User scribe = Api.newUser("Sam Scribe");
        UUID room = Api.newIncident(ic, "Erasure " + UUID.randomUUID());
        Api.addMember(ic, room, legal, "legal");
        Api.addMember(ic, room, exec, "executive");
        Api.addMember(ic, room, scribe, "scribe");
        return new Incident(room, ic, legal, exec, scribe);
    }

    private static ValidatableResponse admin(String method, String path, Object body) {
        var request = given().auth().oauth2(Api.adminToken()).contentType(ContentType.JSON);
        if (body != null) {
            request.body(body);
        }
        return (method.equals("GET") ? request.get(path) : request.post(path)).then();
    }

    private static String request(Incident i, long seq) {
        Api.accepted(i.legal(), i.room(), "erasure.request", Map.of("seq", seq, "reason", "GDPR art. 17 request #42"));
        return Api.events(i.legal(), i.room(), "erasure.requested").stream().map(e -> (Map<?, ?>) e.get("data"))
                .filter(d -> ((Number) d.get("seq")).longValue() == seq).map(d -> (String) d.get("erasureId")).reduce((a, b) -> b).orElseThrow();
    }

    private static String export(User who, UUID room) {
        return who.as().get("/api/rooms/" + room + "/export?format=json").then().statusCode(200).extract().asString();
    }

    @Test
    void anApprovedErasure_removesTheContentEverywhere_andTheChainStillVerifies_onlineAndOffline() throws Exception {
        Incident i = incident();
        long seq = Api.accepted(i.scribe(), i.room(), "note.add", Map.of("text", SECRET));
        Api.accepted(i.scribe(), i.room(), "note.add", Map.of("text", "kept"));
        String erasureId = request(i, seq);
        admin("GET", "/api/admin/erasures?status=pending", null).statusCode(200).body("erasureId", hasItem(erasureId));

        admin("POST", "/api/admin/erasures/" + erasureId + "/approve", null).statusCode(200).body("status", equalTo("erased"))
                .body("seq", equalTo((int) seq)).body("requestedByName", equalTo("Lea Legal"));

        // The snapshot keeps the note's place, without its text; the event keeps its place, without its data.
        for (User who : List.of(i.ic(), i.exec(), i.scribe())) {
            String snapshot = who.as().get("/api/rooms/" + i.room()).then().statusCode(200)
                    .body("notes.find { it.seq == " + seq + " }.erased", equalTo(true))
                    .body("notes.find { it.seq == " + seq + " }.text", equalTo(null)).extract().asString();
            assertFalse(snapshot.contains("Jane Roe"), snapshot);
        }
        String events = i.ic().as().get("/api/rooms/" + i.room() + "/events?since=" + (seq - 1) + "&limit=1").then().statusCode(200)
                .body("events[0].erased", equalTo(true)).body("events[0].kind", equalTo("note.added")).extract().asString();
        assertFalse(events.contains("Jane Roe"), events);
        Map<?, ?> erased = Api.events(i.ic(), i.room(), "event.erased").get(0);
        assertEquals(seq, ((Number) ((Map<?, ?>) erased.get("data")).get("seq")).longValue());
        i.ic().as().queryParam("q", "Jane Roe").get("/api/search").then().statusCode(200).body("entries.size()", equalTo(0));
        i.ic().as().get("/api/rooms/" + i.room() + "/verify").then().statusCode(200).body("ok", equalTo(true));

        String json = export(i.ic(), i.room());
        assertFalse(json.contains("Jane Roe"), "the export carries no erased content");
        JsonNode link = JSON.readTree(json).path("chain").path("events").get((int) seq - 1);
        assertTrue(link.path("erased").asBoolean() && link.path("content").asText().length() == 64 && link.path("data").isMissingNode()
                && link.path("salt").isMissingNode(), link.toString());
        assertEquals(2, JSON.readTree(json).path("chain").path("version").asInt());
        ExportVerifier.Result result = ExportVerifier.verify(json);
        assertTrue(result.ok(), result.toString());
        assertNull(result.proven().disagreement(), result.toString());
        assertTrue(result.proven().sections().contains("room.notes"), result.toString());

        String markdown = i.ic().as().get("/api/rooms/" + i.room() + "/export?format=markdown").then().statusCode(200).extract().asString();
        assertFalse(markdown.contains("Jane Roe"), "the document carries no erased content either");
        assertTrue(markdown.contains("(content erased)"), markdown);

        assertEquals(0, documentsOfTheBundleVerify(i.ic(), i.room()), "the documents of an erased room render again from its JSON");

        String audit = given().auth().oauth2(Api.adminToken()).get("/api/audit?action=erasure.approve").then().statusCode(200).extract()
                .asString();
        assertTrue(audit.contains("erasure " + erasureId), audit);
    }

    /** Runs {@code verify <json> --document <md>} and {@code --document <html>} on one bundle; the first non-zero exit, else 0. */
    private static int documentsOfTheBundleVerify(User who, UUID room) throws Exception {
        byte[] zip = who.as().get("/api/rooms/" + room + "/export?format=bundle").then().statusCode(200).extract().asByteArray();
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("erasure-bundle");
        List<java.nio.file.Path> files = new java.util.ArrayList<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.add(java.nio.file.Files.write(dir.resolve(e.getName()), in.readAllBytes()));
            }
        }
        for (java.nio.file.Path document : files.subList(1, files.size())) {
            int exit = ExportVerifier.run(files.get(0).toString(), "--document", document.toString());
            if (exit != 0) {
                return exit;
            }
        }
        return 0;
    }

    @Test
    void contentRemovedBehindTheLogsBack_breaksVerification_atItsSeq() throws Exception {
        Incident i = incident();
        long seq = Api.accepted(i.scribe(), i.room(), "note.add", Map.of("text", SECRET));
        Api.accepted(i.scribe(), i.room(), "note.add", Map.of("text", "after"));
        // A database administrator "erases" the note by hand: the commitment still matches, but no event.erased names it.
        QuarkusTransaction.requiringNew().run(() -> LoggedEvent.update("data = 'null', contentSalt = null where roomId = ?1 and seq = ?2",
                i.room(), seq));
        i.ic().as().get("/api/rooms/" + i.room() + "/verify").then().statusCode(200).body("ok", equalTo(false))
                .body("firstBadSeq", equalTo((int) seq));
        ExportVerifier.Result result = ExportVerifier.verify(export(i.ic(), i.room()));
        assertFalse(result.ok());
        assertEquals(seq, result.firstBadSeq());
        assertTrue(result.reason().contains("no later event.erased"), result.reason());
    }

    @Test
    void editedContent_ofAVersion2Event_breaksTheChain_asInVersion1() {
        Incident i = incident();
        long seq = Api.accepted(i.scribe(), i.room(), "note.add", Map.of("text", SECRET));
        QuarkusTransaction.requiringNew().run(() -> LoggedEvent.update("data = ?1 where roomId = ?2 and seq = ?3",
                "{\"text\":\"Call nobody\",\"visibleTo\":null}", i.room(), seq));
        i.ic().as().get("/api/rooms/" + i.room() + "/verify").then().statusCode(200).body("ok", equalTo(false))
                .body("firstBadSeq", equalTo((int) seq));
    }

    @Test
    void twoPeople_legalAsks_theAdminDecides_aHoldBlocks_andOthersAreRefused() {
        Incident i = incident();
        long seq = Api.accepted(i.scribe(), i.room(), "note.add", Map.of("text", SECRET));
        // Only legal asks; the executive and the IC may not.
        assertEquals(403, Api.command(i.exec(), i.room(), "erasure.request", Map.of("seq", seq, "reason", "x")).statusCode());
        assertEquals(403, Api.command(i.ic(), i.room(), "erasure.request", Map.of("seq", seq, "reason", "x")).statusCode());
        String erasureId = request(i, seq);
        assertEquals(409, Api.command(i.legal(), i.room(), "erasure.request", Map.of("seq", seq, "reason", "again")).statusCode());
        // The room's state depends on a severity change; it cannot be erased.
        long severity = Api.accepted(i.ic(), i.room(), "room.severity", Map.of("severity", "SEV1"));
        assertEquals(409, Api.command(i.legal(), i.room(), "erasure.request", Map.of("seq", severity, "reason", "x")).statusCode());
        // Only the admin decides.
        i.ic().as().post("/api/admin/erasures/" + erasureId + "/approve").then().statusCode(403);
        i.legal().as().get("/api/admin/erasures").then().statusCode(403);

        Api.accepted(i.legal(), i.room(), "room.hold", Map.of("reason", "litigation expected"));
        admin("POST", "/api/admin/erasures/" + erasureId + "/approve", null).statusCode(409);
        assertEquals(409, Api.command(i.legal(), i.room(), "erasure.request", Map.of("seq", seq + 1, "reason", "x")).statusCode());
        Api.accepted(i.legal(), i.room(), "room.release_hold", Map.of("reason", "settled"));

        admin("POST", "/api/admin/erasures/" + erasureId + "/reject", Map.of("reason", "we must keep it: evidence")).statusCode(200)
                .body("status", equalTo("rejected")).body("decisionReason", equalTo("we must keep it: evidence"));
        admin("POST", "/api/admin/erasures/" + erasureId + "/approve", null).statusCode(409);
        i.ic().as().get("/api/rooms/" + i.room()).then().statusCode(200).body("notes.find { it.seq == " + seq + " }.text", equalTo(SECRET));
        admin("POST", "/api/admin/erasures/" + UUID.randomUUID() + "/approve", null).statusCode(404);
        admin("POST", "/api/admin/erasures/" + erasureId + "/reject", Map.of()).statusCode(400);
    }

    @Test
    void legalCannotAskToEraseWhatLegalCannotSee_andTheAnswerIsTheSameAsForNoEvent() {
        Incident i = incident();
        long hidden = Api.accepted(i.ic(), i.room(), "note.add", Map.of("text", "for the IC only", "visibleTo", List.of("incident_commander")));
        var refused = Api.command(i.legal(), i.room(), "erasure.request", Map.of("seq", hidden, "reason", "x"));
        var absent = Api.command(i.legal(), i.room(), "erasure.request", Map.of("seq", 100_000, "reason", "x"));
        assertEquals(404, refused.statusCode());
        assertEquals(absent.jsonPath().getString("error.message").replace("100000", "N"),
                refused.jsonPath().getString("error.message").replace(String.valueOf(hidden), "N"));
    }

    @Test
    void aRoomOpenedBeforeErasureExisted_keepsItsChain_andRefusesErasure() {
        Incident i = incident();
        // As a room opened before V56: its chain is version 1 from here on.
        QuarkusTransaction.requiringNew().run(() -> Room.update("chainVersion = 1 where id = ?1", i.room()));
        long seq = Api.accepted(i.scribe(), i.room(), "note.add", Map.of("text", SECRET));
        assertEquals(409, Api.command(i.legal(), i.room(), "erasure.request", Map.of("seq", seq, "reason", "x")).statusCode());
        i.ic().as().get("/api/rooms/" + i.room() + "/verify").then().statusCode(200).body("ok", equalTo(true));
    }
}
