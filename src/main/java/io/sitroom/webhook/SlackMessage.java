package io.sitroom.webhook;

import java.util.Map;

import io.sitroom.chain.Checkpoint;

/**
 * The body for a Slack incoming webhook: {@code {"text": "[Sitroom] <room> #seq kind by who: what"}}, or
 * for a signed checkpoint {@code {"text": "[Sitroom] <room>: checkpoint signed at seq N, head <12 hex>"}}.
 * Slack reads {@code &}, {@code <} and {@code >} as control characters (mentions such as
 * {@code <!channel>} and {@code <@U123>}, links {@code <url|text>}) and asks for exactly these three to
 * be escaped as HTML entities in text that is not meant to use them; every piece of user text is.
 */
public final class SlackMessage {

    private SlackMessage() {
    }

    static Map<String, Object> body(ChatLine line) {
        String by = line.by() == null ? "" : " by " + escape(line.by());
        String what = line.what().isEmpty() ? "" : ": " + escape(line.what());
        return Map.of("text", "[Sitroom] " + escape(line.roomTitle()) + " #" + line.seq() + " " + line.kind() + by + what);
    }

    static Map<String, Object> checkpoint(String roomTitle, Checkpoint checkpoint) {
        return Map.of("text", "[Sitroom] " + escape(ChatLine.oneLine(roomTitle)) + ": " + escape(ChatLine.checkpointSigned(checkpoint)));
    }

    /** Slack's escaping: {@code &amp; &lt; &gt;}, and nothing else. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
