package io.sitroom.retro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.sitroom.room.EventTypes;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;
import io.sitroom.verify.DocumentRenderer.Format;
import io.sitroom.verify.ExportVerifier;

/**
 * {@code verify export.json --document retrospective.md}: the server's Markdown and HTML exports are the
 * rendering of its JSON export at the same head, rendered again offline by {@link DocumentCheck}; a changed
 * line is found, and a document of another head is refused as such.
 */
@QuarkusTest
class DocumentCheckTest {

    @Inject
    ExportService exports;
    @Inject
    ExportRenderer renderer;
    @Inject
    ObjectMapper mapper;
    @Inject
    EventTypes eventTypes;
    @Location("export/retrospective.md")
    Template quteMarkdown;
    @Location("export/retrospective.html")
    Template quteHtml;

    @TempDir
    Path dir;

    private record Incident(UUID room, User ic, User exec) {
    }

    /** A room with something in every section the documents show: a type and its checklist, dissent, a statement, an ack. */
    private static Incident incident() {
        User ic = Api.newUser("Ines");
        User legal = Api.newUser("Lea");
        User exec = Api.newUser("Erin");
        UUID room = UUID.fromString(ic.as().contentType(ContentType.JSON)
                .body(Map.of("kind", "INCIDENT", "title", "Key on GitHub | *leaked*", "type", "leaked-credentials"))
                .post("/api/rooms").then().statusCode(201).extract().jsonPath().getString("id"));
        Api.addMember(ic, room, legal, "legal");
        Api.addMember(ic, room, exec, "executive");
        Api.accepted(ic, room, "room.severity", Map.of("severity", "SEV1"));
        Api.accepted(legal, room, "note.add", Map.of("text", "privileged: counsel advises caution", "visibleTo", List.of("legal")));
        Api.accepted(ic, room, "decision.propose", Map.of("title", "Rotate every key", "choice", "rotate now",
                "options", List.of("rotate now", "wait"), "rationale", "the key was public for an hour", "approvers", List.of("legal")));
        String decisionId = (String) ((Map<?, ?>) Api.events(ic, room, "decision.proposed").get(0).get("data")).get("decisionId");
        Api.accepted(legal, room, "decision.reject", Map.of("decisionId", decisionId, "reason", "not before counsel <b>reviews</b>"));
        Api.accepted(ic, room, "update.post", Map.of("audience", "executive", "summary", "Key revoked", "impact", "None seen"));
        Api.accepted(ic, room, "action.create", Map.of("title", "Scan the other repositories", "ownerId", ic.id().toString()));
        Api.accepted(ic, room, "statement.draft", Map.of("title", "Customer notice", "body", "We rotated our keys.", "channel", "web"));
        Api.accepted(ic, room, "ack.request", Map.of("about", 2, "roles", List.of("legal", "executive")));
        Api.accepted(ic, room, "checklist.check", Map.of("itemId", "revoke", "note", "key deactivated"));
        Api.accepted(ic, room, "checklist.skip", Map.of("itemId", "related-secrets", "reason", "the file held nothing else"));
        Api.accepted(ic, room, "note.add", Map.of("text", "lesson: scan commits for keys"));
        Api.accepted(ic, room, "room.phase", Map.of("phase", "containment"));
        return new Incident(room, ic, exec);
    }

    private static String export(User who, UUID room, String format) {
        return who.as().get("/api/rooms/" + room + "/export?format=" + format).then().statusCode(200).extract().asString();
    }

    private record Run(int exit, String out) {
    }

    private Run verify(String json, String documentName, String document) throws Exception {
        Path exportFile = Files.writeString(dir.resolve("export.json"), json, StandardCharsets.UTF_8);
        Path documentFile = Files.writeString(dir.resolve(documentName), document, StandardCharsets.UTF_8);
        PrintStream out = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            int exit = ExportVerifier.run(exportFile.toString(), "--document", documentFile.toString());
            return new Run(exit, bytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
        }
    }

    private static String quoted(String line) {
        return "\"" + line + "\"";
    }

    private String documentLine(Run run) {
        return run.out().lines().filter(l -> l.startsWith("document: ")).findFirst().orElse(run.out());
    }

    @Test
    void theServersMarkdownAndHtml_areTheRenderingOfItsJsonAtTheSameHead_forEachReader() throws Exception {
        Incident i = incident();
        for (User who : List.of(i.ic(), i.exec())) {
            String json = export(who, i.room(), "json");
            for (String name : List.of("retrospective.md", "retrospective.html")) {
                String document = export(who, i.room(), name.endsWith(".md") ? "markdown" : "html");
                Run run = verify(json, name, document);
                assertEquals(0, run.exit(), run.out());
                assertEquals("document: " + dir.resolve(name) + " is the rendering of this export (" + document.lines().count() + " lines)",
                        documentLine(run));
            }
        }
    }

    @Test
    void theJsonExport_readsBackToTheSameDocuments_andTheStandaloneEngineRendersAsQuarkusWould() throws Exception {
        Incident i = incident();
        RoomExport export = exports.export(i.room(), i.ic().id());
        String json = mapper.writeValueAsString(export);
        DocumentCheck check = new DocumentCheck();
        String markdown = renderer.markdown(export);
        String html = renderer.html(export);
        assertTrue(markdown.contains("| skipped: the file held nothing else |") && markdown.contains("**Dissent**"), markdown);
        assertEquals(markdown, check.render(json, Format.MARKDOWN));
        assertEquals(html, check.render(json, Format.HTML));
        assertEquals(quteMarkdown.data("doc", ExportDocument.from(export)).render(), markdown);
        assertEquals(quteHtml.data("doc", ExportDocument.from(export)).render(), html);
    }

    @Test
    void aChangedChoiceOrNote_isFoundAtItsLine() throws Exception {
        Incident i = incident();
        String json = export(i.ic(), i.room(), "json");
        String markdown = export(i.ic(), i.room(), "markdown");
        List<String> lines = markdown.lines().toList();
        int choice = lines.indexOf("- Choice: rotate now") + 1;
        Run changed = verify(json, "retrospective.md", markdown.replace("- Choice: rotate now", "- Choice: wait"));
        assertEquals(1, changed.exit(), changed.out());
        assertEquals("document: " + dir.resolve("retrospective.md") + " DIFFERS from the rendering of this export at line " + choice
                + ": the document says \"- Choice: wait\", the export renders \"- Choice: rotate now\"", documentLine(changed));

        String html = export(i.ic(), i.room(), "html");
        List<String> htmlLines = html.lines().toList();
        String row = htmlLines.stream().filter(l -> l.contains("<td>note.added: lesson: scan commits for keys</td>")).findFirst().orElseThrow();
        Run note = verify(json, "retrospective.html", html.replace("note.added: lesson: scan commits for keys", "note.added: lesson: none"));
        assertEquals(1, note.exit(), note.out());
        assertTrue(documentLine(note).startsWith("document: " + dir.resolve("retrospective.html") + " DIFFERS from the rendering of this export"
                + " at line " + (htmlLines.indexOf(row) + 1) + ": the document says " + quoted(row.replace("scan commits for keys", "none"))
                + ", the export renders "), note.out());
        assertTrue(documentLine(note).endsWith("note.added: lesson: scan commits for keys</td><td>Ines</td></tr>\""), note.out());
    }

    @Test
    void aDocumentOfAnotherHead_isRefusedAsSuch() throws Exception {
        Incident i = incident();
        String markdown = export(i.ic(), i.room(), "markdown");
        String before = i.ic().as().get("/api/rooms/" + i.room()).then().extract().path("headHash");
        long seq = Api.headSeq(i.ic(), i.room());
        Api.accepted(i.ic(), i.room(), "note.add", Map.of("text", "one more"));
        String json = export(i.ic(), i.room(), "json");
        String after = mapper.readTree(json).path("chain").path("headHash").asText();
        Run run = verify(json, "retrospective.md", markdown);
        assertEquals(1, run.exit(), run.out());
        assertEquals("document: " + dir.resolve("retrospective.md") + " was rendered from seq " + seq + ", hash " + before
                + "; the JSON export is of seq " + (seq + 1) + ", hash " + after + ": export both at the same head", documentLine(run));
    }

    @Test
    void aBundle_holdsOneExport_asJsonAndTheDocumentsThatMatchIt() throws Exception {
        Incident i = incident();
        byte[] zip = i.exec().as().get("/api/rooms/" + i.room() + "/export?format=bundle").then().statusCode(200)
                .contentType("application/zip").extract().asByteArray();
        String name = "sitroom-" + i.room().toString().substring(0, 8);
        Map<String, String> files = new java.util.LinkedHashMap<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertEquals(List.of(name + ".json", name + ".md", name + ".html"), List.copyOf(files.keySet()));
        String json = files.get(name + ".json");
        String alone = export(i.exec(), i.room(), "json");
        String exportedAt = "\"exportedAt\":\"[^\"]*\"";
        assertEquals(alone.replaceAll(exportedAt, ""), json.replaceAll(exportedAt, ""), "the bundle's JSON is ?format=json's");
        for (String document : List.of(name + ".md", name + ".html")) {
            Run run = verify(json, document, files.get(document));
            assertEquals(0, run.exit(), run.out());
        }
    }

    /** Kinds left out of {@link DocumentCheck#EVENT_TYPES} are those whose records have no brief (they render as unknown events do). */
    @Test
    void eventTypes_areTheServersOwn_butThoseWithoutABrief() {
        Set<String> missing = new TreeSet<>(eventTypes.kinds());
        missing.removeAll(new EventTypes(DocumentCheck.EVENT_TYPES, mapper).kinds());
        assertEquals(Set.of("debrief.link_created", "debrief.link_revoked", "invite.created", "invite.revoked"), missing);
    }
}
