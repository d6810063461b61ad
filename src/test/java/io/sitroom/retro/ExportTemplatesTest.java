package io.sitroom.retro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Guards on the templates themselves, for values the forged-room tests do not happen to fill. */
class ExportTemplatesTest {

    /** A value expression: sections, comments and parameter declarations start with another character. */
    private static final Pattern VALUE = Pattern.compile("\\{([a-zA-Z][^{}]*)}");
    /** Numbers, and the chain's hex hashes inside code spans (where a backslash would show): the server's own. */
    private static final Set<String> NOT_TEXT = Set.of("r.seq", "s.version", "s.publishedVersion", "a.about", "e.seq", "c.seq", "c.hash",
            "doc.chain.headSeq", "doc.chain.headHash", "doc.chain.firstBadSeq", "doc.chain.checkpoints.size", "doc.chain.checkpoints.last.seq",
            "k.seq", "k.headHash");

    private static String template(String name) throws IOException {
        try (InputStream in = ExportTemplatesTest.class.getResourceAsStream("/templates/export/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void markdownTemplate_escapesEveryTextValue_withMd() throws IOException {
        List<String> unescaped = VALUE.matcher(template("retrospective.md")).results().map(m -> m.group(1))
                .filter(v -> !v.endsWith(".md") && !NOT_TEXT.contains(v)).toList();
        assertEquals(List.of(), unescaped);
    }

    @Test
    void htmlTemplate_marksNoValueRaw_soQuteEscapesEveryValue() throws IOException {
        String html = template("retrospective.html");
        assertFalse(Pattern.compile("\\.(raw|safe)\\b|\\braw\\(").matcher(html).find(), "a value rendered unescaped");
    }
}
