package io.sitroom.retro;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.qute.TemplateExtension;

/**
 * Makes text inert in Markdown, for the Markdown export's template: {@code {value.md}}. The template
 * places every value inside a line it starts itself (a list item, a table cell, a heading), so user
 * text must neither end that line nor be read as Markdown within it.
 */
final class MarkdownText {

    /** Any whitespace, line and paragraph separators included: a value never ends its line. */
    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    /**
     * Escaped wherever they are: emphasis, code spans, links and images, autolinks and HTML, entities,
     * strikethrough, math, issue references, table cell ends, and the backslash itself.
     */
    private static final String ALWAYS = "\\`*_[]<>&|~$#";
    /** Escaped at the start of the value, where they could open a list or underline a heading. */
    private static final String AT_START = "-+=";
    private static final Pattern ORDERED_LIST = Pattern.compile("^\\d+(?=[.)])");

    private MarkdownText() {
    }

    @TemplateExtension
    static String md(String text) {
        if (text == null) {
            return "";
        }
        String flat = WHITESPACE.matcher(text).replaceAll(" ").strip();
        StringBuilder out = new StringBuilder(flat.length() + 8);
        Matcher ordered = ORDERED_LIST.matcher(flat);
        int digits = ordered.find() ? ordered.end() : -1;
        for (int i = 0; i < flat.length(); i++) {
            char c = flat.charAt(i);
            if (ALWAYS.indexOf(c) >= 0 || i == 0 && AT_START.indexOf(c) >= 0 || i == digits) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
