package io.sitroom.evidence;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.sitroom.chain.Checkpoint;
import io.sitroom.chain.Ed25519;
import io.sitroom.chain.Jwk;
import io.quarkus.test.junit.QuarkusTest;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;
import io.sitroom.verify.ExportVerifier;

/**
 * Witnesses through the public surface (docs/evidence.md): this server is its own witness here, so one
 * test sees both sides: the origin sends its checkpoints, the witness countersigns what verifies with the
 * origin's pinned keys and refuses a contradiction for good, and the export carries the countersignatures,
 * which the offline verifier checks against the witness's keys.
 */
@QuarkusTest
class WitnessesTest {

    @Inject
    Checkpointer checkpointer;

    @Inject
    WitnessSender sender;

    @Inject
    KeyRing keys;

    private final List<String> cleanup = new java.util.ArrayList<>();

    private static RequestSpecification admin() {
        return given().auth().oauth2(Api.adminToken()).contentType(ContentType.JSON);
    }

    private static Map<String, Object> ownKeys() {
        return given().get("/api/keys").then().statusCode(200).extract().jsonPath().getMap("");
    }

    private static String witnessUrl() {
        return "http://localhost:" + RestAssured.port + "/api/witness/checkpoints";
    }

    private String origin(String name, Object keySet) {
        String id = admin().body(Map.of("name", name, "keys", keySet)).post("/api/admin/witness/origins").then().statusCode(201)
                .extract().path("id");
        cleanup.add("/api/admin/witness/origins/" + id);
        return id;
    }

    private String target(String name, Object keySet) {
        String id = admin().body(Map.of("name", name, "url", witnessUrl(), "keys", keySet)).post("/api/admin/witnesses").then()
                .statusCode(201).extract().path("id");
        cleanup.add("/api/admin/witnesses/" + id);
        return id;
    }

    @AfterEach
    void removeWhatTheTestRegistered() {
        // Witnesses are deployment-wide: leave none behind for the other tests.
        cleanup.forEach(path -> admin().delete(path));
    }

    private static Map<String, Object> keySetOf(KeyPair pair) {
        Jwk jwk = Jwk.ed25519(Ed25519.x(pair.getPublic()));
        return Map.of("keys", List.of(Map.of("kty", jwk.kty(), "crv", jwk.crv(), "kid", jwk.kid(), "x", jwk.x())));
    }

    private static KeyPair pair() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    private static Map<String, Object> latestCheckpoint(User member, UUID room) {
        List<Map<String, Object>> listed = member.as().get("/api/rooms/" + room + "/checkpoints").then().statusCode(200).extract().jsonPath()
                .getList("");
        return listed.get(listed.size() - 1);
    }

    @Test
    void theOrigin_sendsItsCheckpoints_theWitnessCountersigns_andTheExportVerifiesWithTheWitnessKeys() {
        keys.published();
        Map<String, Object> keySet = ownKeys();
        origin("origin-" + UUID.randomUUID(), keySet);
        String target = target("witness-" + UUID.randomUUID(), keySet);
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Witnessed");
        Api.accepted(ic, room, "note.add", Map.of("text", "contained"));
        checkpointer.signDue();
        assertTrue(sender.sendDue() >= 1);
        assertEquals(0, sender.sendDue(), "each checkpoint is sent once");

        String export = ic.as().queryParam("format", "json").get("/api/rooms/" + room + "/export").then().statusCode(200).extract().asString();
        JsonPath chain = JsonPath.from(export).setRootPath("chain");
        assertEquals("test-witness", chain.getString("witnesses[0].witness"));
        assertEquals(Api.headSeq(ic, room), chain.getLong("witnesses[0].seq"));
        String pinned = given().get("/api/keys").then().extract().asString();
        ExportVerifier.Result result = ExportVerifier.verify(export, pinned, pinned);
        assertTrue(result.ok(), result.toString());
        assertEquals(new ExportVerifier.Witnessed(1, List.of("test-witness"), Api.headSeq(ic, room)), result.witnessed());
        String markdown = ic.as().queryParam("format", "markdown").get("/api/rooms/" + room + "/export").then().statusCode(200).extract()
                .asString();
        assertTrue(markdown.contains("; countersigned by test-witness at "), markdown);

        Map<String, Object> listed = admin().get("/api/admin/witnesses").then().statusCode(200).extract().jsonPath()
                .getMap("find { it.id == '" + target + "' }");
        assertTrue(((Number) listed.get("countersigned")).longValue() >= 1, listed.toString());
        assertEquals(null, listed.get("lastError"));
    }

    @Test
    void theWitness_answersTheSameCheckpointTheSame_andRefusesAContradictionForGood() {
        keys.published();
        origin("origin-" + UUID.randomUUID(), ownKeys());
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Contradiction");
        checkpointer.signDue();
        Map<String, Object> checkpoint = latestCheckpoint(ic, room);
        Map<String, Object> first = given().contentType(ContentType.JSON).body(checkpoint).post("/api/witness/checkpoints").then().statusCode(200)
                .extract().jsonPath().getMap("");
        Map<String, Object> again = given().contentType(ContentType.JSON).body(checkpoint).post("/api/witness/checkpoints").then().statusCode(200)
                .extract().jsonPath().getMap("");
        assertEquals(first, again, "a retry gets the same countersignature");

        // The same room and seq with another head, signed with the origin's own key: what a rewritten database would send.
        long seq = ((Number) checkpoint.get("seq")).longValue();
        String otherHead = "ab".repeat(32);
        String at = (String) checkpoint.get("at");
        KeyRing.Signed forged = keys.sign(Checkpoint.signedBytes(room.toString(), seq, otherHead, at));
        given().contentType(ContentType.JSON)
                .body(Map.of("roomId", room.toString(), "seq", seq, "headHash", otherHead, "at", at, "kid", forged.kid(), "signature",
                        forged.signature()))
                .post("/api/witness/checkpoints").then().statusCode(409)
                .body("error.message", org.hamcrest.Matchers.containsString("contradicts the checkpoint of room " + room + " seq " + seq));
    }

    @Test
    void theWitness_refusesWhatNoRegisteredOriginSigned_andBadInput_andStoresNothing() throws Exception {
        keys.published();
        String originId = origin("origin-" + UUID.randomUUID(), ownKeys());
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Refusals");
        checkpointer.signDue();
        Map<String, Object> checkpoint = new java.util.HashMap<>(latestCheckpoint(ic, room));

        KeyPair stranger = pair();
        String at = (String) checkpoint.get("at");
        long seq = ((Number) checkpoint.get("seq")).longValue();
        Map<String, Object> foreign = new java.util.HashMap<>(checkpoint);
        foreign.put("kid", Jwk.thumbprint(Ed25519.x(stranger.getPublic())));
        foreign.put("signature", Ed25519.sign(stranger.getPrivate(), Checkpoint.signedBytes(room.toString(), seq, (String) checkpoint.get("headHash"), at)));
        given().contentType(ContentType.JSON).body(foreign).post("/api/witness/checkpoints").then().statusCode(403)
                .body("error.message", org.hamcrest.Matchers.containsString("no origin this witness knows"));

        Map<String, Object> tampered = new java.util.HashMap<>(checkpoint);
        tampered.put("at", "2020-01-01T00:00:00.000Z");
        given().contentType(ContentType.JSON).body(tampered).post("/api/witness/checkpoints").then().statusCode(403)
                .body("error.message", org.hamcrest.Matchers.containsString("does not verify"));

        Map<String, Object> malformed = new java.util.HashMap<>(checkpoint);
        malformed.put("headHash", "not a hash\nFAKE LOG LINE");
        given().contentType(ContentType.JSON).body(malformed).post("/api/witness/checkpoints").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{not json").post("/api/witness/checkpoints").then().statusCode(400);
        given().contentType(ContentType.JSON).body("null").post("/api/witness/checkpoints").then().statusCode(400);

        Map<String, Object> origin = admin().get("/api/admin/witness/origins").then().statusCode(200).extract().jsonPath()
                .getMap("find { it.id == '" + originId + "' }");
        assertEquals(0, ((Number) origin.get("witnessed")).intValue(), "nothing refused was stored");
    }

    @Test
    void theOrigin_keepsOnlyAnswersThatVerifyWithTheWitnesssPinnedKeys_andBacksOff() throws Exception {
        keys.published();
        origin("origin-" + UUID.randomUUID(), ownKeys());
        String target = target("wrongly-pinned-" + UUID.randomUUID(), keySetOf(pair()));
        User ic = Api.newUser("Ines");
        Api.newIncident(ic, "Wrong pin");
        checkpointer.signDue();
        assertEquals(0, sender.sendDue());
        Map<String, Object> listed = admin().get("/api/admin/witnesses").then().statusCode(200).extract().jsonPath()
                .getMap("find { it.id == '" + target + "' }");
        assertEquals(0, ((Number) listed.get("countersigned")).intValue());
        assertEquals(1, ((Number) listed.get("failures")).intValue());
        assertNotNull(listed.get("nextAttemptAt"));
        assertTrue(((String) listed.get("lastError")).contains("does not verify with the witness's pinned keys"), listed.toString());
        assertEquals(0, sender.sendDue(), "backing off: not tried again at once");
    }

    @Test
    void onlyTheAdmin_registersOriginsAndWitnesses_andBadRegistrationsAreRefused() throws Exception {
        User member = Api.newUser("Mia");
        member.as().contentType(ContentType.JSON).body(Map.of("name", "x", "keys", keySetOf(pair()))).post("/api/admin/witness/origins").then()
                .statusCode(403);
        member.as().get("/api/admin/witnesses").then().statusCode(403);
        given().get("/api/admin/witness/origins").then().statusCode(401);

        Map<String, Object> key = Map.of("kty", "OKP", "crv", "Ed25519", "kid", "not-the-thumbprint", "x", Ed25519.x(pair().getPublic()));
        admin().body(Map.of("name", "bad kid", "keys", Map.of("keys", List.of(key)))).post("/api/admin/witness/origins").then().statusCode(400)
                .body("error.message", org.hamcrest.Matchers.containsString("thumbprint"));
        admin().body(Map.of("name", "no keys", "keys", Map.of("keys", List.of()))).post("/api/admin/witness/origins").then().statusCode(400);
        admin().body(Map.of("name", "bad url", "url", "ftp://witness.example.org", "keys", keySetOf(pair()))).post("/api/admin/witnesses")
                .then().statusCode(400);
        admin().body(Map.of("name", "forged\nLINE", "url", witnessUrl(), "keys", keySetOf(pair()))).post("/api/admin/witnesses").then()
                .statusCode(400);
    }
}
