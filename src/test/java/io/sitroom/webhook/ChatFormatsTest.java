package io.sitroom.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.sitroom.role.Role;
import io.sitroom.room.RecordedEvent;
import io.sitroom.room.RoomEvent;

/** The Slack and Microsoft Teams bodies, against the documented shapes, with user text that tries to mention and link. */
class ChatFormatsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String HOSTILE_NOTE = "<!channel> ping & <https://evil.example|click here> <@U012AB3CD>";
    static final String HOSTILE_TITLE = "Webhook <test> & room";

    private static RecordedEvent note(String text, String by) {
        return new RecordedEvent(UUID.randomUUID(), 7, Instant.parse("2026-01-02T03:04:05Z"), "note.added",
                new RecordedEvent.Actor(UUID.randomUUID(), by, Set.of(Role.INCIDENT_COMMANDER)), "c1", new RoomEvent.NoteAdded(text, null),
                JSON.createObjectNode(), null, "p", "h", null);
    }

    @Test
    void slack_escapesAmpersandAndAngleBrackets_only_soNoMentionOrLinkSurvives() {
        Map<String, Object> body = SlackMessage.body(ChatLine.of(HOSTILE_TITLE, note(HOSTILE_NOTE, "Ines <@U1>")));
        assertEquals(Map.of("text", "[Sitroom] Webhook &lt;test&gt; &amp; room #7 note.added by Ines &lt;@U1&gt;: "
                + "&lt;!channel&gt; ping &amp; &lt;https://evil.example|click here&gt; &lt;@U012AB3CD&gt;"), body);
        assertEquals("it's \"fine\" *bold* 100%", SlackMessage.escape("it's \"fine\" *bold* 100%"), "no other character is touched");
    }

    @Test
    void chatText_isOneLine_andTheBriefIsCut() {
        ChatLine line = ChatLine.of("Two\nlines", note("a\n> quoted\r\n- listed " + "x".repeat(400), "Ines"));
        assertEquals("Two lines", line.roomTitle());
        assertTrue(line.what().startsWith("a > quoted - listed x"), line.what());
        assertEquals(ChatLine.MAX_BRIEF, line.what().length());
    }

    @Test
    void teams_isAnAdaptiveCardMessage_inTheIncomingWebhookFormat() {
        JsonNode body = JSON.valueToTree(TeamsCard.body(ChatLine.of("Ransomware", note("Isolate the plant network", "Ines"))));
        assertEquals("message", body.path("type").asText());
        assertEquals(1, body.path("attachments").size());
        JsonNode attachment = body.path("attachments").path(0);
        assertEquals("application/vnd.microsoft.card.adaptive", attachment.path("contentType").asText());
        JsonNode card = attachment.path("content");
        assertEquals("http://adaptivecards.io/schemas/adaptive-card.json", card.path("$schema").asText());
        assertEquals("AdaptiveCard", card.path("type").asText());
        assertEquals("1.4", card.path("version").asText());
        List<String> texts = card.path("body").findValuesAsText("text");
        assertEquals(List.of("Ransomware", "\\#7 note\\.added by Ines", "Isolate the plant network"), texts);
        card.path("body").forEach(block -> {
            assertEquals("TextBlock", block.path("type").asText());
            assertTrue(block.path("wrap").asBoolean());
        });
    }

    @Test
    void teams_escapesMarkdownLinksEmphasisListsAndFunctions_inUserText() {
        String hostile = "[click](https://evil.example) **now** _x_ - 1. # <at>Ines</at> {{DATE(2017-02-14T06:00:00Z)}} \\ " + HOSTILE_NOTE;
        JsonNode card = JSON.valueToTree(TeamsCard.body(ChatLine.of(HOSTILE_TITLE, note(hostile, "*Ines*")))).path("attachments").path(0)
                .path("content");
        List<String> texts = card.path("body").findValuesAsText("text");
        assertEquals("Webhook \\<test\\> \\& room", texts.get(0));
        assertEquals("\\#7 note\\.added by \\*Ines\\*", texts.get(1));
        String what = texts.get(2);
        assertTrue(what.startsWith("\\[click\\]\\(https\\://evil\\.example\\) \\*\\*now\\*\\* \\_x\\_ \\- 1\\. \\# \\<at\\>Ines\\</at\\> "
                + "\\{\\{DATE\\(2017\\-02\\-14T06\\:00\\:00Z\\)\\}\\} \\\\ "), what);
        for (String text : texts) {
            assertTrue(everySpecialEscaped(text), text);
        }
        assertEquals(hostile, unescape(what));
    }

    /** Every character Markdown or the card's functions could read is preceded by a backslash. */
    private static boolean everySpecialEscaped(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
                continue;
            }
            if ("`*_{}[]()<>#+-.!|~&=:".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static String unescape(String text) {
        return text.replaceAll("\\\\(.)", "$1");
    }
}
