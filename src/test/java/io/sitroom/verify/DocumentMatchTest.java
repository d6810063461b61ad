package io.sitroom.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.sitroom.verify.DocumentMatch.Outcome;
import io.sitroom.verify.DocumentRenderer.Format;

/** How a document is compared with the rendering of its export: the export time masked, the first other difference named. */
class DocumentMatchTest {

    private static final TestExport EXPORT = TestExport.valid();
    private static final String HEAD = (String) EXPORT.chain.get("headHash");
    private static final String MARKDOWN = "# Retrospective: Ransomware\n\n- Exported: 2026-11-29T16:00:00.000Z by Inès (what this person may see)\n"
            + "\n## Chain\n\n- Head: seq 5, hash `" + HEAD + "`\n- Verified: yes\n";

    /** The renderer stands in for the server's: it renders {@code rendering} and remembers the format asked. */
    private final List<Format> asked = new ArrayList<>();

    private Outcome check(String document, String rendering) {
        return DocumentMatch.check("doc", document, ExportReader.read(EXPORT.json()), EXPORT.json(), (json, format) -> {
            asked.add(format);
            return rendering;
        });
    }

    @Test
    void theSameDocument_exportedAtAnotherTime_matches() {
        assertEquals(new Outcome(true, "document: doc is the rendering of this export (8 lines)"),
                check(MARKDOWN.replace("2026-11-29T16:00:00.000Z", "2026-11-30T09:12:00.000Z"), MARKDOWN));
        assertEquals(List.of(Format.MARKDOWN), asked);
    }

    @Test
    void lineEnds_andAMissingLastLineEnd_doNotCount() {
        assertEquals(true, check(MARKDOWN.replace("\n", "\r\n").strip(), MARKDOWN).matches());
    }

    @Test
    void anotherExporter_isADifference() {
        assertEquals(new Outcome(false, "document: doc DIFFERS from the rendering of this export at line 3: the document says "
                + "\"- Exported: 2026-11-29T16:00:00.000Z by Lea (what this person may see)\", the export renders "
                + "\"- Exported: 2026-11-29T16:00:00.000Z by Inès (what this person may see)\""), check(MARKDOWN.replace("Inès", "Lea"), MARKDOWN));
    }

    @Test
    void aLongLine_isShownAroundItsFirstDifference() {
        String before = "- Rationale: " + "a".repeat(200) + "b" + "c".repeat(200);
        String rendered = MARKDOWN + before + "\n";
        Outcome outcome = check(MARKDOWN + before.replace("b", "X") + "\n", rendered);
        assertEquals("document: doc DIFFERS from the rendering of this export at line 9: the document says ...\"" + "a".repeat(50) + "X"
                + "c".repeat(49) + "\"..., the export renders ...\"" + "a".repeat(50) + "b" + "c".repeat(49) + "\"...", outcome.line());
    }

    @Test
    void aShorterOrLongerDocument_differsWhereOneEnds() {
        assertEquals("document: doc DIFFERS from the rendering of this export at line 9: the document ends before it, the export renders \"more\"",
                check(MARKDOWN, MARKDOWN + "more\n").line());
        assertEquals("document: doc DIFFERS from the rendering of this export at line 9: the document says \"more\", the export renders no more lines",
                check(MARKDOWN + "more\n", MARKDOWN).line());
    }

    @Test
    void aDocumentOfAnotherHead_isRefusedBeforeItIsRendered() {
        String other = "0".repeat(63) + "1";
        assertEquals(new Outcome(false, "document: doc was rendered from seq 4, hash " + other + "; the JSON export is of seq 5, hash " + HEAD
                + ": export both at the same head"), check(MARKDOWN.replace("seq 5, hash `" + HEAD, "seq 4, hash `" + other), MARKDOWN));
        assertEquals(false, check(MARKDOWN.replace(HEAD, other), MARKDOWN).matches());
        assertEquals(List.of(), asked);
    }

    @Test
    void aDocumentWithoutAHead_isNoExport() {
        assertEquals(new Outcome(false, "document: doc names no head (no \"Head: seq N, hash H\" line): it is no Sitroom Markdown export"),
                check("# Notes\n", MARKDOWN));
    }

    @Test
    void anHtmlDocument_isToldByItsFirstLine() {
        String html = "<!doctype html>\n<ul>\n<li>Exported: 2026-11-29T16:00:00.000Z by Inès</li>\n<li>Head: seq 5, hash <code>" + HEAD
                + "</code></li>\n</ul>\n";
        assertEquals(true, check(html.replace("16:00", "17:00"), html).matches());
        assertEquals(List.of(Format.HTML), asked);
        assertEquals(Format.MARKDOWN, DocumentMatch.formatOf("# Retrospective: <!doctype html>"));
    }
}
