package io.sitroom.retro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;

/**
 * Issue 12: room members write text that looks like the export's own structure (a second chain
 * section saying the chain verified, a timeline row from 2099, headings, quotes, fences, lists,
 * script and img tags). The exports must show it as text and keep exactly their own structure.
 * No Markdown parser is on the test classpath, so the Markdown is checked line by line.
 */
@QuarkusTest
class ExportForgeryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FAKE_CHAIN = "\n## Chain\n\n- Head: seq 999\n- Verified: yes, every hash recomputes\n";
    private static final String FAKE_ROW = "\n| 999 | 2099-01-01 | note.added: fake | server |\n";
    private static final List<String> SECTIONS = List.of("Summary", "Roles and hand-overs", "Decisions", "Statements", "Actions",
            "Acknowledgements", "Lessons learned", "Timeline", "Chain");
    /**
     * What would open a Markdown block where the template placed user text right after its own marker
     * (the template's own {@code **Dissent**} is bold, not a list).
     */
    private static final Pattern BLOCK_START = Pattern.compile("^(#|>|-|\\+|\\*(?!\\*)|\\||```|~~~|<|=|\\d+[.)])");
    private static final Pattern UNESCAPED_PIPE = Pattern.compile("(?<!\\\\)\\|");

    private record Forged(UUID room, User author) {
    }

    /** Exports only read the room, so every test reads the same one. */
    private static Forged forged;

    private static synchronized Forged forgedRoom() {
        if (forged == null) {
            forged = writeForgeries();
        }
        return forged;
    }

    /** A room whose members wrote everything the issue tried, in every field the exports show. */
    private static Forged writeForgeries() {
        User ic = Api.newUser("Ines");
        User legal = Api.newUser("Mallory <img src=x onerror=alert(1)>" + FAKE_ROW);
        UUID room = Api.newIncident(ic, "# Forged room title");
        Api.addMember(ic, room, legal, "legal");
        Api.accepted(ic, room, "decision.propose", Map.of("title", "# Forged heading", "choice", "> quoted choice",
                "rationale", "the real reason" + FAKE_CHAIN, "approvers", List.of("legal")));
        String decisionId = (String) ((Map<?, ?>) Api.events(ic, room, "decision.proposed").get(0).get("data")).get("decisionId");
        Api.accepted(legal, room, "decision.reject", Map.of("decisionId", decisionId, "reason", "```\nfenced code\n```"));
        Api.accepted(ic, room, "action.create", Map.of("title", "- listed action <img src=x onerror=alert(1)>", "ownerId", ic.id().toString()));
        Api.accepted(ic, room, "statement.draft", Map.of("title", "1. **loud** [link](http://evil.example)", "body", "We are investigating.",
                "channel", "status-page"));
        Api.accepted(ic, room, "note.add", Map.of("text", "lesson: # segment the network" + FAKE_ROW + FAKE_CHAIN));
        Api.accepted(ic, room, "note.add", Map.of("text", "<script>alert(1)</script>"));
        return new Forged(room, ic);
    }

    private static String export(Forged f, String format) {
        return f.author().as().get("/api/rooms/" + f.room() + "/export?format=" + format).then().statusCode(200).extract().asString();
    }

    /** The seqs of the events the author may see, from the JSON export: the timeline's real rows. */
    private static List<Long> realTimeline(Forged f) throws Exception {
        List<Long> seqs = new ArrayList<>();
        for (JsonNode e : JSON.readTree(export(f, "json")).path("chain").path("events")) {
            if (!e.has("redacted")) {
                seqs.add(e.path("seq").asLong());
            }
        }
        return seqs;
    }

    private static List<String> lines(String markdown) {
        return List.of(markdown.split("\n", -1));
    }

    /** The lines of one {@code ## } section of the Markdown, without its heading. */
    private static List<String> markdownSection(String markdown, String name) {
        List<String> all = lines(markdown);
        int start = all.indexOf("## " + name);
        assertTrue(start >= 0, "no section " + name);
        List<String> section = new ArrayList<>();
        for (String line : all.subList(start + 1, all.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            section.add(line);
        }
        return section;
    }

    private static String htmlSection(String html, String name) {
        int start = html.indexOf("<h2>" + name + "</h2>");
        assertTrue(start >= 0, "no section " + name);
        int end = html.indexOf("<h2>", start + 1);
        return html.substring(start, end < 0 ? html.length() : end);
    }

    private static long count(String text, String needle) {
        return Pattern.compile(Pattern.quote(needle)).matcher(text).results().count();
    }

    @Test
    void markdownExport_hasOnlyItsOwnSectionsAndOneChain_whenUserTextForgesAChainSection() {
        String md = export(forgedRoom(), "markdown");
        List<String> headings = lines(md).stream().filter(l -> l.startsWith("## ")).map(l -> l.substring(3)).toList();
        assertEquals(SECTIONS, headings);
        assertEquals(1, lines(md).stream().filter(l -> l.startsWith("- Head:")).count());
        assertEquals(1, lines(md).stream().filter(l -> l.startsWith("- Verified:")).count());
    }

    @Test
    void markdownExport_listsOnlyTheRoomsRealEventsInTheTimeline_whenUserTextForgesARow() throws Exception {
        Forged f = forgedRoom();
        String md = export(f, "markdown");
        List<Long> rows = new ArrayList<>();
        for (String line : markdownSection(md, "Timeline")) {
            if (line.startsWith("|") && !line.startsWith("| seq ") && !line.startsWith("|---")) {
                String[] cells = UNESCAPED_PIPE.split(line, -1);
                assertEquals(6, cells.length, "four cells (and the row's two outer pipes): " + line);
                rows.add(Long.parseLong(cells[1].strip()));
            }
        }
        assertEquals(realTimeline(f), rows);
        assertFalse(rows.contains(999L));
    }

    @Test
    void markdownExport_startsNoBlockFromUserText_whenTextOpensHeadingsQuotesFencesAndLists() {
        List<String> md = lines(export(forgedRoom(), "markdown"));
        assertTrue(md.get(0).startsWith("# Retrospective: "));
        assertEquals(1, md.stream().filter(l -> l.startsWith("# ")).count(), "one title");
        assertEquals(1, md.stream().filter(l -> l.startsWith("### ")).count(), "one decision heading");
        for (String line : md) {
            assertFalse(line.startsWith(">") || line.startsWith("```") || line.startsWith("~~~") || line.startsWith("<"), line);
            assertTrue(line.isEmpty() || line.equals("None recorded.") || line.matches("^(#{1,3} |- |\\| |\\|---).*"),
                    "a line the template starts: " + line);
            String afterMarker = line.startsWith("### ") ? line.substring(4) : line.startsWith("- ") ? line.substring(2) : "";
            assertFalse(BLOCK_START.matcher(afterMarker).find(), "user text opens a block: " + line);
        }
    }

    @Test
    void markdownExport_showsUserTextEscapedForMarkdownNotHtml_whenTextHoldsMarkup() {
        String md = export(forgedRoom(), "markdown");
        assertTrue(md.contains("\\<script\\>alert(1)\\</script\\>"), "Markdown-escaped, as text");
        assertTrue(md.contains("\\[link\\](http://evil.example)"), "no link");
        assertFalse(md.contains("&lt;") || md.contains("&gt;") || md.contains("&amp;"), "Qute does not HTML-escape Markdown");
    }

    @Test
    void htmlExport_hasOnlyItsOwnSectionsAndOneChain_whenUserTextForgesAChainSection() {
        String html = export(forgedRoom(), "html");
        List<String> headings = Pattern.compile("<h2>(.*?)</h2>").matcher(html).results().map(m -> m.group(1)).toList();
        assertEquals(SECTIONS, headings);
        assertEquals(1, count(html, "<h3>"), "one decision heading");
        assertEquals(1, count(html, "<li>Head:"));
        assertEquals(1, count(html, "<li>Verified:"));
    }

    @Test
    void htmlExport_listsOnlyTheRoomsRealEventsInTheTimeline_whenUserTextForgesARow() throws Exception {
        Forged f = forgedRoom();
        String timeline = htmlSection(export(f, "html"), "Timeline");
        Matcher row = Pattern.compile("<tr><td>(\\d+)</td>").matcher(timeline);
        List<Long> rows = new ArrayList<>();
        while (row.find()) {
            rows.add(Long.parseLong(row.group(1)));
        }
        assertEquals(realTimeline(f), rows);
        assertEquals(rows.size(), count(timeline, "<tr>") - 1, "every row but the header is an event");
        assertFalse(rows.contains(999L));
    }

    @Test
    void htmlExport_containsNoElementFromUserText_whenTextHoldsScriptAndImgTags() {
        String html = export(forgedRoom(), "html");
        assertFalse(html.toLowerCase().contains("<script"));
        assertFalse(html.toLowerCase().contains("<img"));
        assertFalse(Pattern.compile("<[^>]*onerror", Pattern.CASE_INSENSITIVE).matcher(html).find(), "no onerror attribute");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "shown as text");
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"), "shown as text");
    }
}
