package io.sitroom.evidence;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.sitroom.clock.MutableClock;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;
import io.sitroom.verify.ExportVerifier;

/** Signed checkpoints through the public surface: when heads are signed, who reads them, the keys, rotation, the export. */
@QuarkusTest
class CheckpointsTest {

    @Inject
    Checkpointer checkpointer;

    @Inject
    KeyRing keys;

    @Inject
    MutableClock clock;

    @Inject
    EvidenceConfig config;

    private static List<Map<String, Object>> checkpoints(User member, UUID room) {
        return member.as().get("/api/rooms/" + room + "/checkpoints").then().statusCode(200).extract().jsonPath().getList("");
    }

    private static String keySet() {
        return given().get("/api/keys").then().statusCode(200).extract().asString();
    }

    private static String export(User member, UUID room) {
        return member.as().queryParam("format", "json").get("/api/rooms/" + room + "/export").then().statusCode(200).extract().asString();
    }

    @Test
    void aChangingRoom_isSignedAtMostOncePerInterval_andAtClose() {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Checkpoints");
        Api.accepted(ic, room, "note.add", Map.of("text", "first"));
        checkpointer.signDue();
        List<Map<String, Object>> first = checkpoints(ic, room);
        assertEquals(1, first.size(), first.toString());
        assertEquals(Api.headSeq(ic, room), ((Number) first.get(0).get("seq")).longValue());

        Api.accepted(ic, room, "note.add", Map.of("text", "second"));
        checkpointer.signDue();
        assertEquals(1, checkpoints(ic, room).size(), "not again within the interval");
        clock.advance(Duration.ofSeconds(61));
        checkpointer.signDue();
        assertEquals(2, checkpoints(ic, room).size(), "again once the interval has passed");
        checkpointer.signDue();
        assertEquals(2, checkpoints(ic, room).size(), "a head that did not move is not signed twice");

        long closed = Api.accepted(ic, room, "room.phase", Map.of("phase", "closed"));
        checkpointer.signDue();
        List<Map<String, Object>> all = checkpoints(ic, room);
        assertEquals(closed, ((Number) all.get(all.size() - 1).get("seq")).longValue(), "a closing room is signed at once");
    }

    @Test
    void theExport_carriesItsCheckpoints_andVerifiesAgainstThePublishedKeys() {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Export");
        Api.accepted(ic, room, "note.add", Map.of("text", "contained"));
        checkpointer.signDue();
        String export = export(ic, room);
        ExportVerifier.Result result = ExportVerifier.verify(export, keySet());
        assertTrue(result.ok(), result.toString());
        assertEquals(1, result.checkpoints());
        assertEquals(Api.headSeq(ic, room), result.signedThrough());
        String markdown = ic.as().queryParam("format", "markdown").get("/api/rooms/" + room + "/export").then().statusCode(200).extract().asString();
        assertTrue(markdown.contains("- Signed checkpoints: 1, the last at seq " + result.signedThrough()), markdown);
        String html = ic.as().queryParam("format", "html").get("/api/rooms/" + room + "/export").then().statusCode(200).extract().asString();
        assertTrue(html.contains("<li>Signed checkpoints: 1, the last at seq " + result.signedThrough()), html);
    }

    @Test
    void theKeys_areAPublicJwkSet_ofEd25519Keys() {
        keys.published();
        Map<String, Object> jwk = given().get("/api/keys").then().statusCode(200).extract().jsonPath().getMap("keys[0]");
        assertEquals("OKP", jwk.get("kty"));
        assertEquals("Ed25519", jwk.get("crv"));
        assertEquals(io.sitroom.chain.Jwk.thumbprint((String) jwk.get("x")), jwk.get("kid"));
    }

    @Test
    void onlyMembers_readARoomsCheckpoints() {
        User ic = Api.newUser("Ines");
        User stranger = Api.newUser("Sam");
        UUID room = Api.newIncident(ic, "Members only");
        checkpointer.signDue();
        stranger.as().get("/api/rooms/" + room + "/checkpoints").then().statusCode(404);
        given().get("/api/rooms/" + room + "/checkpoints").then().statusCode(401);
    }

    @Test
    void rotation_byTheAdminOnly_signsWithTheNewKey_andOldCheckpointsKeepVerifying() {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Rotation");
        checkpointer.signDue();
        ic.as().post("/api/admin/keys/rotate").then().statusCode(403);
        String kid = given().auth().oauth2(Api.adminToken()).post("/api/admin/keys/rotate").then().statusCode(200).extract().path("kid");
        Api.accepted(ic, room, "note.add", Map.of("text", "after rotation"));
        clock.advance(Duration.ofSeconds(61));
        checkpointer.signDue();
        List<Map<String, Object>> signed = checkpoints(ic, room);
        assertEquals(kid, signed.get(signed.size() - 1).get("kid"), "the newest key signs");
        assertFalse(kid.equals(signed.get(0).get("kid")), "the first was signed by the earlier key");
        ExportVerifier.Result result = ExportVerifier.verify(export(ic, room), keySet());
        assertTrue(result.ok(), result.toString());
        assertEquals(signed.size(), result.checkpoints());
    }

    @Test
    void aKeyRowWrittenWithoutTheSecret_isNeitherUsedNorPublished() {
        keys.published();
        String forgedX = io.sitroom.chain.Ed25519.x(generated().getPublic());
        String forgedKid = io.sitroom.chain.Jwk.thumbprint(forgedX);
        QuarkusTransaction.requiringNew().run(() -> {
            Integer max = SigningKeyRow.getEntityManager().createQuery("select max(k.generation) from SigningKeyRow k", Integer.class)
                    .getSingleResult();
            SigningKeyRow row = new SigningKeyRow();
            row.generation = max + 1;
            row.kid = forgedKid;
            row.publicKey = forgedX;
            row.sealedPrivateKey = java.util.Base64.getEncoder().encodeToString(new byte[64]);
            row.createdAt = clock.instant();
            row.persist();
        });
        keys.reload();
        assertFalse(keySet().contains(forgedKid), "a row the secret does not open is not published");
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Forged key");
        checkpointer.signDue();
        assertFalse(forgedKid.equals(checkpoints(ic, room).get(0).get("kid")), "nor used");
    }

    private static java.security.KeyPair generated() {
        try {
            return java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void twoNodesCreatingTheSameGeneration_keepTheFirstKey_andNeitherFails() {
        String kid = keys.rotate().kid();
        int generation = QuarkusTransaction.requiringNew().call(() -> SigningKeyRow.getEntityManager()
                .createQuery("select max(k.generation) from SigningKeyRow k", Integer.class).getSingleResult());
        int published = keys.published().size();
        // Another node (its own KeyRing, the same secret) that read the table a moment before and creates the same generation.
        KeyRing otherNode = new KeyRing(config, clock);
        otherNode.create(generation);
        otherNode.reload();
        List<io.sitroom.chain.Jwk> seen = otherNode.published();
        assertEquals(published, seen.size(), "no second key of that generation");
        assertEquals(kid, seen.get(seen.size() - 1).kid(), "the key that was there first stays the signing key");
    }

    @Test
    void twoNodesSigningTheSameHeadAtOnce_storeOneCheckpoint_andNeitherFails() throws Exception {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Signed by two nodes");
        Api.accepted(ic, room, "note.add", Map.of("text", "due for a checkpoint"));
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService nodes = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Integer>> signed = nodes.invokeAll(List.of(() -> {
                together.await();
                return checkpointer.signDue();
            }, () -> {
                together.await();
                return checkpointer.signDue();
            }));
            for (java.util.concurrent.Future<Integer> node : signed) {
                node.get(); // neither fails
            }
        } finally {
            nodes.shutdownNow();
        }
        assertEquals(1, checkpoints(ic, room).size(), "the head is signed once");
    }
}
