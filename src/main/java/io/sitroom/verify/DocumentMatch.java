package io.sitroom.verify;

import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.sitroom.json.CanonicalForm;
import io.sitroom.verify.DocumentRenderer.Format;

/**
 * {@code verify export.json --document retrospective.md}: whether a Markdown or HTML export is the rendering of
 * a verified JSON export. The document is rendered again from the JSON with the server's own model and
 * templates ({@link DocumentRenderer}) and compared line by line. The one text allowed to differ is the
 * export time in {@code Exported: <time> by <name>}, masked on both sides: a document and a JSON export
 * downloaded one after the other are two exports. What else two exports of one head may differ in (the
 * exception metrics, checkpoints signed in between) is a real difference, and reported; the export's
 * {@code bundle} format gives both from one export (docs/protocol.md, "Readable sections, proven", "Documents").
 */
final class DocumentMatch {

    /** The outcome: {@code matches}, and the line to print ({@code document: <file> ...}). */
    record Outcome(boolean matches, String line) {
    }

    /** An HTML export starts so; anything else is read as Markdown (the file's name does not decide). */
    private static final Pattern HTML = Pattern.compile("^\\s*<!doctype html", Pattern.CASE_INSENSITIVE);
    private static final Pattern MARKDOWN_HEAD = Pattern.compile("^- Head: seq (\\d+), hash `([0-9a-f]{64})`$", Pattern.MULTILINE);
    private static final Pattern HTML_HEAD = Pattern.compile("^<li>Head: seq (\\d+), hash <code>([0-9a-f]{64})</code></li>$", Pattern.MULTILINE);
    /** The export time, masked on both sides: the exporter's name stays compared. */
    private static final Pattern EXPORTED = Pattern.compile("^(- |<li>)Exported: (\\S+) by ");
    private static final int EXCERPT = 100;

    private DocumentMatch() {
    }

    /**
     * The renderer of the packaged application, loaded only now: a JDK alone has neither its class path nor its
     * libraries, and then there is none.
     */
    static DocumentRenderer renderer() {
        try {
            return ServiceLoader.load(DocumentRenderer.class, DocumentRenderer.class.getClassLoader()).findFirst().orElse(null);
        } catch (ServiceConfigurationError | LinkageError e) {
            return null;
        }
    }

    static Format formatOf(String document) {
        return HTML.matcher(document).lookingAt() ? Format.HTML : Format.MARKDOWN;
    }

    /** Compares {@code document} (the file {@code name}) with the rendering of the verified {@code export}, whose JSON is {@code exportJson}. */
    static Outcome check(String name, String document, ExportReader.Export export, String exportJson, DocumentRenderer renderer) {
        Format format = formatOf(document);
        Matcher head = (format == Format.HTML ? HTML_HEAD : MARKDOWN_HEAD).matcher(document);
        if (!head.find()) {
            return new Outcome(false, "document: " + name + " names no head (no \"Head: seq N, hash H\" line): it is no Sitroom "
                    + (format == Format.HTML ? "HTML" : "Markdown") + " export");
        }
        long seq = Long.parseLong(head.group(1));
        if (seq != export.headSeq() || !head.group(2).equals(export.headHash())) {
            return new Outcome(false, "document: " + name + " was rendered from seq " + seq + ", hash " + head.group(2)
                    + "; the JSON export is of seq " + export.headSeq() + ", hash " + export.headHash() + ": export both at the same head");
        }
        List<String> given = document.lines().toList();
        List<String> rendered = renderer.render(exportJson, format).lines().toList();
        for (int i = 0; i < Math.max(given.size(), rendered.size()); i++) {
            String mine = i < given.size() ? given.get(i) : null;
            String theirs = i < rendered.size() ? rendered.get(i) : null;
            if (mine == null || theirs == null || !masked(mine).equals(masked(theirs))) {
                int column = mine == null || theirs == null ? 0 : firstDifference(mine, theirs);
                return new Outcome(false, "document: " + name + " DIFFERS from the rendering of this export at line " + (i + 1) + ": the document "
                        + (mine == null ? "ends before it" : "says " + excerpt(mine, column)) + ", the export renders "
                        + (theirs == null ? "no more lines" : excerpt(theirs, column)));
            }
        }
        return new Outcome(true, "document: " + name + " is the rendering of this export (" + rendered.size() + " lines)");
    }

    /** The line with its export time masked, when it is the line that states it. */
    private static String masked(String line) {
        Matcher exported = EXPORTED.matcher(line);
        return exported.lookingAt() ? line.substring(0, exported.start(2)) + "*" + line.substring(exported.end(2)) : line;
    }

    private static int firstDifference(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    /**
     * The line as a JSON string (a control character in it cannot break the one-line message), cut to
     * {@value #EXCERPT} characters around {@code column} where it is longer.
     */
    private static String excerpt(String line, int column) {
        if (line.length() <= EXCERPT) {
            return CanonicalForm.write(line);
        }
        int start = Math.max(0, Math.min(column - EXCERPT / 2, line.length() - EXCERPT));
        int end = Math.min(line.length(), start + EXCERPT);
        return (start > 0 ? "..." : "") + CanonicalForm.write(line.substring(start, end)) + (end < line.length() ? "..." : "");
    }
}
