package io.sitroom.webhook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sitroom.chain.Checkpoint;

/**
 * The body for a Microsoft Teams incoming webhook: a message with one Adaptive Card (version 1.4),
 * whose TextBlocks say the room, the event and what happened (or the room and the checkpoint signed).
 * TextBlocks render a subset of CommonMark (bold, italic, lists, links {@code [text](url)}) and
 * {@code {{DATE(...)}}} functions, so every piece of user text has each ASCII punctuation character
 * that could start such syntax backslash-escaped: it shows as typed and makes no link, list, emphasis
 * or mention.
 */
public final class TeamsCard {

    static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
    static final String SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";
    private static final String SPECIAL = "\\`*_{}[]()<>#+-.!|~&=:\"'";

    private TeamsCard() {
    }

    public static Map<String, Object> body(ChatLine line) {
        return body(line, null, null);
    }

    /** The card of one event, with one {@code Action.OpenUrl} button when a label and a URL are both given. */
    public static Map<String, Object> body(ChatLine line, String buttonLabel, String url) {
        List<Map<String, Object>> blocks = new ArrayList<>();
        blocks.add(textBlock(escape(line.roomTitle()), true));
        blocks.add(textBlock(escape("#" + line.seq() + " " + line.kind()) + (line.by() == null ? "" : " by " + escape(line.by())), false));
        if (!line.what().isEmpty()) {
            blocks.add(textBlock(escape(line.what()), false));
        }
        return message(blocks, buttonLabel, url);
    }

    /** The card of a signed checkpoint: the room's title, and the seq and head it signed. */
    static Map<String, Object> checkpoint(String roomTitle, Checkpoint checkpoint) {
        List<Map<String, Object>> blocks = List.of(textBlock(escape(ChatLine.oneLine(roomTitle)), true),
                textBlock(escape(ChatLine.checkpointSigned(checkpoint)), false));
        return message(blocks, null, null);
    }

    /** A card of plain lines (a reply), with one {@code Action.OpenUrl} button when a label and a URL are both given. */
    public static Map<String, Object> lines(List<String> lines, String buttonLabel, String url) {
        return message(lines.stream().map(line -> textBlock(escape(line), false)).toList(), buttonLabel, url);
    }

    /**
     * The message envelope both Teams incoming webhooks and Workflows ("post to a channel when a webhook request is
     * received") take: one Adaptive Card attachment ({@code contentUrl} null, as Microsoft's examples write it).
     */
    private static Map<String, Object> message(List<Map<String, Object>> blocks, String buttonLabel, String url) {
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("$schema", SCHEMA);
        card.put("type", "AdaptiveCard");
        card.put("version", "1.4");
        card.put("body", blocks);
        if (buttonLabel != null && url != null) {
            card.put("actions", List.of(Map.of("type", "Action.OpenUrl", "title", buttonLabel, "url", url)));
        }
        Map<String, Object> attachment = new LinkedHashMap<>();
        attachment.put("contentType", CONTENT_TYPE);
        attachment.put("contentUrl", null);
        attachment.put("content", card);
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "message");
        message.put("attachments", List.of(attachment));
        return message;
    }

    private static Map<String, Object> textBlock(String text, boolean heading) {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("type", "TextBlock");
        block.put("text", text);
        block.put("wrap", true);
        if (heading) {
            block.put("weight", "Bolder");
        }
        return block;
    }

    /** A backslash before every ASCII punctuation character Markdown or the card's text functions could read. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (SPECIAL.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
