package io.sitroom.statuspage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;

/**
 * The public status page through its five endpoints, as anyone without signing in reads them: only published
 * statements of public incident rooms, each exactly as it went out, with its text hash.
 */
@QuarkusTest
class StatusPageTest {

    private static final List<String> ENDPOINTS = List.of("/status", "/status/feed.atom", "/api/v2/status.json", "/api/v2/summary.json",
            "/api/v2/incidents.json", "/api/v2/incidents/unresolved.json");
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    /** An incident with an IC, a comms approver and legal. */
    private record Incident(UUID room, User ic, User comms, User legal) {
        static Incident open(String title) {
            User ic = Api.newUser("Ines");
            User comms = Api.newUser("Cora");
            User legal = Api.newUser("Lea");
            UUID room = Api.newIncident(ic, title);
            Api.addMember(ic, room, comms, "comms_approver");
            Api.addMember(ic, room, legal, "legal");
            return new Incident(room, ic, comms, legal);
        }

        String draft(String statementId, String title, String body) {
            Map<String, Object> data = statementId == null ? Map.of("title", title, "body", body, "channel", "status-page")
                    : Map.of("statementId", statementId, "title", title, "body", body, "channel", "status-page");
            long seq = Api.accepted(comms, room, "statement.draft", data);
            return Api.events(ic, room, "statement.drafted").stream().filter(e -> ((Number) e.get("seq")).longValue() == seq).findFirst()
                    .map(e -> (String) ((Map<?, ?>) e.get("data")).get("statementId")).orElseThrow();
        }

        void approve(String statementId) {
            Api.accepted(comms, room, "statement.approve", Map.of("statementId", statementId));
            Api.accepted(legal, room, "statement.approve", Map.of("statementId", statementId));
        }

        /** Drafts, approves and publishes; returns the published text hash. */
        String publish(String statementId, String title, String body) {
            String id = draft(statementId, title, body);
            approve(id);
            Api.accepted(comms, room, "statement.publish", Map.of("statementId", id));
            return (String) ((Map<?, ?>) Api.events(ic, room, "statement.published").get(
                    Api.events(ic, room, "statement.published").size() - 1).get("data")).get("textHash");
        }

        String firstStatementId() {
            return (String) ((Map<?, ?>) Api.events(ic, room, "statement.drafted").get(0).get("data")).get("statementId");
        }
    }

    private static String read(String path) {
        return given().get(path).then().statusCode(200).extract().asString();
    }

    private static JsonPath incident(String path, UUID room) {
        JsonPath json = given().get(path).then().statusCode(200).extract().jsonPath();
        Map<String, Object> found = json.getMap("incidents.find { it.id == '" + room + "' }");
        return found == null ? null : JsonPath.from(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(found).toString());
    }

    @Test
    void onlyPublishedStatementsOfPublicIncidents_appear_onEveryEndpoint() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Incident incident = Incident.open("Internal title " + tag);
        String publishedBody = "Published body " + tag;
        String hash = incident.publish(null, "Login outage " + tag, publishedBody);
        String statementId = incident.firstStatementId();
        // A second version drafted and approved by both, but never published.
        incident.draft(statementId, "Login outage " + tag, "Approved but unpublished " + tag);
        incident.approve(statementId);
        // A draft never approved, and a note for legal only.
        incident.draft(null, "Draft title " + tag, "Draft only " + tag);
        Api.accepted(incident.ic(), incident.room(), "note.add", Map.of("text", "Legal note " + tag, "visibleTo", List.of("legal")));
        // Another incident's published statement, never made public.
        Incident secret = Incident.open("Secret room " + tag);
        secret.publish(null, "Secret title " + tag, "Private room statement " + tag);

        for (String path : ENDPOINTS) {
            assertFalse(read(path).contains(tag), path + " before the room is public");
        }
        Api.accepted(incident.ic(), incident.room(), "room.public", Map.of());

        String html = read("/status");
        assertTrue(html.contains(publishedBody) && html.contains(hash), "the page shows the published text and its hash");
        String atom = read("/status/feed.atom");
        assertTrue(atom.contains(publishedBody) && atom.contains(hash), "the feed carries the published text and its hash");
        JsonPath summary = incident("/api/v2/summary.json", incident.room());
        assertNotNull(summary, "an unresolved incident is in the summary");
        assertEquals("Login outage " + tag, summary.getString("name"));
        assertEquals(publishedBody, summary.getString("incident_updates[0].body"));
        assertEquals(hash, summary.getString("incident_updates[0].text_hash"));
        assertNotNull(incident("/api/v2/incidents.json", incident.room()));
        assertNotNull(incident("/api/v2/incidents/unresolved.json", incident.room()));
        for (String path : ENDPOINTS) {
            String body = read(path);
            for (String hidden : List.of("Approved but unpublished " + tag, "Draft only " + tag, "Draft title " + tag, "Legal note " + tag,
                    "Internal title " + tag, "Secret", "Private room statement " + tag)) {
                assertFalse(body.contains(hidden), path + " shows '" + hidden + "'");
            }
        }

        // Taken off the page again, nothing of it remains there.
        Api.accepted(incident.ic(), incident.room(), "room.private", Map.of());
        for (String path : ENDPOINTS) {
            assertFalse(read(path).contains(tag), path + " after the room was made private");
        }
    }

    @Test
    void theIncidentStatus_followsTheRoomsPhase_andTheImpactItsSeverity() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Incident incident = Incident.open("Phases " + tag);
        Api.accepted(incident.ic(), incident.room(), "room.public", Map.of());
        incident.publish(null, "Slow checkout " + tag, "We are looking into slow checkouts.");
        JsonPath listed = incident("/api/v2/incidents/unresolved.json", incident.room());
        assertEquals("investigating", listed.getString("status"));
        assertEquals("major", listed.getString("impact"));
        assertEquals("investigating", listed.getString("incident_updates[0].status"));

        Api.accepted(incident.ic(), incident.room(), "room.phase", Map.of("phase", "containment"));
        Api.accepted(incident.ic(), incident.room(), "room.severity", Map.of("severity", "SEV1"));
        listed = incident("/api/v2/incidents.json", incident.room());
        assertEquals("identified", listed.getString("status"));
        assertEquals("critical", listed.getString("impact"));
        given().get("/api/v2/status.json").then().statusCode(200).body("status.indicator", equalTo("critical"))
                .body("status.description", equalTo("Major Service Outage"));

        Api.accepted(incident.ic(), incident.room(), "room.phase", Map.of("phase", "recovery"));
        assertNotNull(incident("/api/v2/incidents.json", incident.room()).getString("monitoring_at"));
        Api.accepted(incident.ic(), incident.room(), "room.phase", Map.of("phase", "closed"));
        listed = incident("/api/v2/incidents.json", incident.room());
        assertEquals("resolved", listed.getString("status"));
        assertNotNull(listed.getString("resolved_at"));
        assertEquals(null, incident("/api/v2/incidents/unresolved.json", incident.room()), "a resolved incident is not unresolved");
    }

    @Test
    void anExercise_neverBecomesPublic() {
        User facilitator = Api.newUser("Fay");
        UUID exercise = Api.newExercise(facilitator, "test-drill");
        Api.command(facilitator, exercise, "room.public", Map.of()).then().statusCode(400).body("error.code", equalTo("invalid"))
                .body("error.message", containsString("incidents only"));
        assertFalse(facilitator.as().get("/api/rooms/" + exercise).then().statusCode(200).extract().jsonPath().<String> getList("can")
                .contains("room.public"));
    }

    @Test
    void theSnapshot_saysWhetherTheRoomIsPublic_andCanOffersTheControlToTheIc() {
        Incident incident = Incident.open("Snapshot");
        JsonPath snapshot = incident.ic().as().get("/api/rooms/" + incident.room()).then().statusCode(200).extract().jsonPath();
        assertEquals(false, snapshot.getBoolean("public"));
        assertTrue(snapshot.getList("can").containsAll(List.of("room.public", "room.private")));
        assertFalse(incident.comms().as().get("/api/rooms/" + incident.room()).then().extract().jsonPath().<String> getList("can")
                .contains("room.public"));
        Api.accepted(incident.ic(), incident.room(), "room.public", Map.of());
        assertEquals(true, incident.ic().as().get("/api/rooms/" + incident.room()).then().extract().jsonPath().getBoolean("public"));
        Api.command(incident.ic(), incident.room(), "room.public", Map.of()).then().statusCode(409);
        Api.command(incident.comms(), incident.room(), "room.private", Map.of()).then().statusCode(403);
    }

    @Test
    void everyEndpoint_hasAnETagAndCacheHeaders_andAnswers304ToItsETag() {
        for (String path : ENDPOINTS) {
            Response first = given().get(path);
            first.then().statusCode(200).header("Cache-Control", startsWith("public, max-age="));
            String etag = first.header("ETag");
            assertNotNull(etag, path);
            given().header("If-None-Match", etag).get(path).then().statusCode(304).header("ETag", etag);
            given().header("If-None-Match", "\"other\", W/" + etag).get(path).then().statusCode(304);
            given().header("If-None-Match", "\"other\"").get(path).then().statusCode(200);
            given().header("If-None-Match", "\u0001garbage,,,").get(path).then().statusCode(200);
        }
        given().get("/status").then().contentType(startsWith("text/html"));
        given().get("/status/feed.atom").then().contentType(startsWith("application/atom+xml"));
        given().get("/api/v2/summary.json").then().contentType(ContentType.JSON);
    }

    /** Compressed once per version, not per request: a client that accepts gzip gets the stored bytes, with their own ETag. */
    @Test
    void gzip_isServedToWhoAcceptsIt_withItsOwnETag_andTheSameContent() throws Exception {
        for (String path : ENDPOINTS) {
            Response plain = given().config(io.restassured.RestAssured.config().decoderConfig(
                    io.restassured.config.DecoderConfig.decoderConfig().noContentDecoders())).header("Accept-Encoding", "identity").get(path);
            plain.then().statusCode(200);
            assertEquals(null, plain.header("Content-Encoding"), path);
            Response zipped = given().config(io.restassured.RestAssured.config().decoderConfig(
                    io.restassured.config.DecoderConfig.decoderConfig().noContentDecoders())).header("Accept-Encoding", "br;q=1, gzip;q=0.5")
                    .get(path);
            zipped.then().statusCode(200).header("Content-Encoding", "gzip").header("Vary", containsString("Accept-Encoding"));
            byte[] unzipped = new java.util.zip.GZIPInputStream(new ByteArrayInputStream(zipped.asByteArray())).readAllBytes();
            assertEquals(plain.asString(), new String(unzipped, java.nio.charset.StandardCharsets.UTF_8), path);
            assertNotEquals(plain.header("ETag"), zipped.header("ETag"), path);
            given().header("Accept-Encoding", "gzip;q=0").header("If-None-Match", zipped.header("ETag")).get(path).then().statusCode(304)
                    .header("ETag", plain.header("ETag"));
        }
    }

    @Test
    void aChange_givesANewETag() {
        String before = given().get("/api/v2/summary.json").header("ETag");
        User admin = admin();
        admin.as().body(Map.of("name", "component.create", "data", Map.of("name", "ETag probe " + UUID.randomUUID())))
                .post("/api/status/components/commands").then().statusCode(200);
        String after = given().get("/api/v2/summary.json").header("ETag");
        assertNotEquals(before, after);
        given().header("If-None-Match", before).get("/api/v2/summary.json").then().statusCode(200);
    }

    @Test
    void theFeed_isAtom_withTheRequiredElements_andUniqueIds() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Incident incident = Incident.open("Feed " + tag);
        Api.accepted(incident.ic(), incident.room(), "room.public", Map.of());
        String id = incident.draft(null, "Feed first " + tag, "First <b>update</b> & more " + tag);
        incident.approve(id);
        Api.accepted(incident.comms(), incident.room(), "statement.publish", Map.of("statementId", id));
        incident.publish(id, "Feed second " + tag, "Second update " + tag);

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document feed = factory.newDocumentBuilder().parse(new ByteArrayInputStream(given().get("/status/feed.atom").then().statusCode(200)
                .extract().asByteArray()));
        Element root = feed.getDocumentElement();
        assertEquals(ATOM, root.getNamespaceURI());
        assertEquals("feed", root.getLocalName());
        for (String required : List.of("id", "title", "updated")) {
            assertNotNull(child(root, required), "feed/" + required);
            assertFalse(child(root, required).getTextContent().isBlank(), "feed/" + required);
        }
        assertNotNull(child(root, "author"), "a feed whose entries have no author has one");
        assertIsoTime(child(root, "updated").getTextContent());
        NodeList entries = root.getElementsByTagNameNS(ATOM, "entry");
        assertTrue(entries.getLength() >= 2);
        Set<String> ids = new HashSet<>();
        boolean foundFirst = false;
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            for (String required : List.of("id", "title", "updated")) {
                assertNotNull(child(entry, required), "entry/" + required);
                assertFalse(child(entry, required).getTextContent().isBlank(), "entry/" + required);
            }
            assertTrue(ids.add(child(entry, "id").getTextContent()), "entry ids are unique");
            assertTrue(java.net.URI.create(child(entry, "id").getTextContent()).isAbsolute(), "an entry id is an absolute IRI");
            assertIsoTime(child(entry, "updated").getTextContent());
            foundFirst |= child(entry, "content").getTextContent().contains("First <b>update</b> & more " + tag);
        }
        assertTrue(foundFirst, "user text arrives as text, escaped");
    }

    private static void assertIsoTime(String text) {
        java.time.OffsetDateTime.parse(text);
    }

    private static Element child(Element parent, String name) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e && ATOM.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    @Test
    void thePage_needsNoScript_isAccessible_andEscapesWhatPeopleWrote() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Incident incident = Incident.open("Markup " + tag);
        Api.accepted(incident.ic(), incident.room(), "room.public", Map.of());
        incident.publish(null, "<script>alert(1)</script> " + tag, "<img src=x onerror=alert(1)> " + tag);
        String html = read("/status");
        assertFalse(html.contains("<script"), "no script, and none of a statement's");
        assertFalse(html.contains("<img src=x"));
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt; " + tag));
        assertTrue(html.contains("<html lang=\"en\">"));
        assertTrue(html.contains("name=\"viewport\""));
        assertTrue(html.contains("<main>") && html.contains("<h1>"));
        assertTrue(html.contains("type=\"application/atom+xml\""));
    }

    @Test
    void components_areTheAdmins_andAppearWithTheirStatus() {
        String token = Api.adminToken();
        User admin = admin(token);
        String name = "Checkout " + UUID.randomUUID().toString().substring(0, 8);
        String id = admin.as().body(Map.of("name", "component.create", "data", Map.of("name", name, "description", "Paying for orders")))
                .post("/api/status/components/commands").then().statusCode(200).body("status", equalTo("operational")).extract()
                .path("id");
        admin.as().body(Map.of("name", "component.status", "data", Map.of("componentId", id, "status", "partial_outage")))
                .post("/api/status/components/commands").then().statusCode(200).body("status", equalTo("partial_outage"));
        admin.as().body(Map.of("name", "component.describe", "data", Map.of("componentId", id, "name", name + " v2")))
                .post("/api/status/components/commands").then().statusCode(200).body("description", equalTo("Paying for orders"));
        JsonPath summary = given().get("/api/v2/summary.json").then().statusCode(200).extract().jsonPath();
        assertEquals("partial_outage", summary.getString("components.find { it.id == '" + id + "' }.status"));
        assertEquals(name + " v2", summary.getString("components.find { it.id == '" + id + "' }.name"));
        assertTrue(read("/status").contains(name + " v2"));
        admin.as().get("/api/status/components").then().statusCode(200).body("can", org.hamcrest.Matchers.hasItems("component.create",
                "component.describe", "component.status")).body("components.find { it.id == '" + id + "' }.status", equalTo("partial_outage"));
        // Newest first, by the application's clock: other tests that moved it ahead for a while may have written
        // entries dated after these, so the page is the largest there is.
        List<String> audited = given().auth().oauth2(token).get("/api/audit?limit=500").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.target == 'component " + id + "' }.action");
        assertTrue(audited.containsAll(List.of("component.created", "component.status_changed", "component.described")), audited.toString());
        admin.as().body(Map.of("name", "component.status", "data", Map.of("componentId", id, "status", "operational")))
                .post("/api/status/components/commands").then().statusCode(200);
    }

    @Test
    void componentCommands_areForbiddenToOthers_andBadInputIsA4xx() {
        User someone = Api.newUser("Sam");
        someone.as().get("/api/status/components").then().statusCode(200).body("can", org.hamcrest.Matchers.empty());
        someone.as().body(Map.of("name", "component.create", "data", Map.of("name", "Mine"))).post("/api/status/components/commands").then()
                .statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("name", "component.create", "data", Map.of("name", "Anon")))
                .post("/api/status/components/commands").then().statusCode(401);
        User admin = admin();
        for (Object body : List.of(Map.of("name", "component.create", "data", Map.of("name", "x", "surplus", 1)),
                Map.of("name", "component.nope", "data", Map.of()), Map.of("name", "component.status", "data", Map.of("componentId", "nope",
                        "status", "operational")),
                Map.of("name", "component.status", "data", Map.of("componentId", UUID.randomUUID().toString(), "status", "on_fire")),
                Map.of("name", "component.create", "data", Map.of("name", "")), Map.of("name", "component.create", "data", List.of(1)),
                Map.of())) {
            admin.as().body(body).post("/api/status/components/commands").then().statusCode(400).body("error.code", equalTo("invalid"));
        }
        admin.as().body("{not json").post("/api/status/components/commands").then().statusCode(400);
        admin.as().body(Map.of("name", "component.status", "data", Map.of("componentId", UUID.randomUUID().toString(), "status",
                "operational"))).post("/api/status/components/commands").then().statusCode(404);
        given().get("/api/v2/incidents/nope.json").then().statusCode(404);
        given().contentType(ContentType.JSON).body("{}").post("/api/v2/summary.json").then().statusCode(405);
        given().get("/status?x=%ZZ").then().statusCode(org.hamcrest.Matchers.lessThan(500));
    }

    private static User admin() {
        return admin(Api.adminToken());
    }

    private static User admin(String token) {
        JsonPath me = given().auth().oauth2(token).get("/api/auth/session").then().statusCode(200).extract().jsonPath();
        return new User(UUID.fromString(me.getString("user.id")), "admin", me.getString("user.displayName"), token);
    }
}
