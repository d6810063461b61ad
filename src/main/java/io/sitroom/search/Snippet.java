package io.sitroom.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A window of an entry's text around the first word found, with the spans where any word (or a word
 * beginning with it: full text search matches stems) occurs. Spans, not markup: the client highlights
 * them, so user text never becomes HTML. Pure.
 */
record Snippet(String text, List<int[]> highlights) {

    static Snippet of(String body, List<String> terms, int width) {
        String flat = body.replace('\n', ' ');
        String lower = flat.toLowerCase(Locale.ROOT);
        int first = -1;
        for (String term : terms) {
            int i = stem(lower, term);
            if (i >= 0 && (first < 0 || i < first)) {
                first = i;
            }
        }
        int start = first < 0 ? 0 : Math.max(0, first - width / 3);
        int end = Math.min(flat.length(), start + width);
        String prefix = start > 0 ? "…" : "";
        String text = prefix + flat.substring(start, end) + (end < flat.length() ? "…" : "");
        String window = lower.substring(start, end);
        List<int[]> spans = new ArrayList<>();
        for (String term : terms) {
            String needle = root(term);
            for (int i = window.indexOf(needle); i >= 0; i = window.indexOf(needle, i + needle.length())) {
                spans.add(new int[] { prefix.length() + i, prefix.length() + wordEnd(window, i) });
            }
        }
        spans.sort((a, b) -> Integer.compare(a[0], b[0]));
        List<int[]> merged = new ArrayList<>();
        for (int[] span : spans) {
            if (!merged.isEmpty() && span[0] <= merged.get(merged.size() - 1)[1]) {
                merged.get(merged.size() - 1)[1] = Math.max(merged.get(merged.size() - 1)[1], span[1]);
            } else {
                merged.add(span);
            }
        }
        return new Snippet(text, merged);
    }

    /** Where a word (or its root) first occurs. */
    private static int stem(String lower, String term) {
        return lower.indexOf(root(term));
    }

    /** A crude root, so that "encrypted" finds "encryption" as PostgreSQL's stemmer does: at most the first 5 letters of long words. */
    private static String root(String term) {
        return term.length() > 6 ? term.substring(0, term.length() - 2) : term;
    }

    private static int wordEnd(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) {
            i++;
        }
        return Math.max(i, from + 1);
    }
}
