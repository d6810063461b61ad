package io.sitroom.retro;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MarkdownTextTest {

    @Test
    void md_flattensEveryLineBreak_soTextNeverStartsALine() {
        assertEquals("a b c d e", MarkdownText.md("  a\nb\r\n\tc\u2028d\u0085e \n"));
    }

    @Test
    void md_escapesBlockMarkers_atTheStartOfTheText() {
        assertEquals("\\# heading", MarkdownText.md("# heading"));
        assertEquals("\\- item", MarkdownText.md("- item"));
        assertEquals("\\---", MarkdownText.md("---"));
        assertEquals("\\+ item", MarkdownText.md("+ item"));
        assertEquals("\\* item", MarkdownText.md("* item"));
        assertEquals("\\> quote", MarkdownText.md("> quote"));
        assertEquals("\\| 999 \\|", MarkdownText.md("| 999 |"));
        assertEquals("\\`\\`\\` fence", MarkdownText.md("``` fence"));
        assertEquals("\\~\\~\\~ fence", MarkdownText.md("~~~ fence"));
        assertEquals("\\===", MarkdownText.md("==="));
        assertEquals("12\\. item", MarkdownText.md("12. item"));
        assertEquals("3\\) item", MarkdownText.md("3) item"));
    }

    @Test
    void md_escapesInlineMarkup_anywhereInTheText() {
        assertEquals("x \\[a\\](http://e.example) \\*b\\* \\_c\\_ \\`d\\` \\<i\\> \\&amp; \\~\\~s\\~\\~ \\$m\\$ \\#1 \\\\",
                MarkdownText.md("x [a](http://e.example) *b* _c_ `d` <i> &amp; ~~s~~ $m$ #1 \\"));
    }

    @Test
    void md_leavesPlainTextAndInnerDashesAlone() {
        assertEquals("Isolate the plant network - now, at 2026-12-01T10:00:00Z (1. priority)",
                MarkdownText.md("Isolate the plant network - now, at 2026-12-01T10:00:00Z (1. priority)"));
    }

    @Test
    void md_rendersNothing_forAbsentText() {
        assertEquals("", MarkdownText.md(null));
    }
}
