package io.sitroom.chat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sitroom.room.RecordedEvent;
import io.sitroom.webhook.ChatLine;
import io.sitroom.webhook.SlackMessage;
import io.sitroom.webhook.TeamsCard;

/**
 * How a mirrored event reads in chat: the webhook's one line (room, #seq, kind, who, what; user text escaped for Slack's
 * mrkdwn, which Mattermost shares, or for an Adaptive Card's Markdown on Teams), with the event's buttons. Pure.
 */
final class ChatMessages {

    private ChatMessages() {
    }

    static String text(String roomTitle, RecordedEvent event) {
        ChatLine line = ChatLine.of(roomTitle, event);
        String by = line.by() == null ? "" : " by " + SlackMessage.escape(line.by());
        String what = line.what().isEmpty() ? "" : ": " + SlackMessage.escape(line.what());
        return "#" + line.seq() + " " + line.kind() + by + what;
    }

    /** Slack Block Kit: a section with the line, and an actions block with the event's buttons (none: no blocks). */
    static List<Map<String, Object>> slackBlocks(String text, List<ChatButtons.Button> buttons) {
        if (buttons.isEmpty()) {
            return null;
        }
        List<Map<String, Object>> elements = new ArrayList<>();
        for (ChatButtons.Button button : buttons) {
            Map<String, Object> element = new LinkedHashMap<>();
            element.put("type", "button");
            element.put("text", Map.of("type", "plain_text", "text", button.label()));
            element.put("action_id", button.action());
            element.put("value", button.value().toString());
            if (button.primary()) {
                element.put("style", "primary");
            }
            elements.add(element);
        }
        return List.of(Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", text)),
                Map.of("type", "actions", "elements", elements));
    }

    /**
     * A Mattermost incoming-webhook body (Slack-compatible): the line to the channel by name, and the buttons as message
     * attachment actions that post back to {@code actionUrl} with the action token in their context.
     */
    static Map<String, Object> mattermost(String channelName, String text, List<ChatButtons.Button> buttons, String actionUrl,
            String actionToken) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (channelName != null) {
            body.put("channel", channelName);
        }
        body.put("username", "Sitroom");
        body.put("text", text);
        if (!buttons.isEmpty() && actionUrl != null && actionToken != null) {
            List<Map<String, Object>> actions = new ArrayList<>();
            for (ChatButtons.Button button : buttons) {
                Map<String, Object> context = new LinkedHashMap<>();
                context.put("token", actionToken);
                context.put("action", button.action());
                context.put("value", button.value().toString());
                actions.add(Map.of("id", button.action().replaceAll("[^A-Za-z0-9]", ""), "name", button.label(),
                        "integration", Map.of("url", actionUrl, "context", context)));
            }
            body.put("attachments", List.of(Map.of("text", "", "actions", actions)));
        }
        return body;
    }

    /**
     * A Teams message (for a workflow's "post card in a chat or channel", and a reply to an outgoing webhook): one
     * Adaptive Card with the room's title, the event's line and what happened. Teams cannot call Sitroom back without a
     * Bot Framework bot, so the event's buttons become one {@code Action.OpenUrl} to the room in the web console
     * ({@code roomUrl}; none when it is null).
     */
    static Map<String, Object> teams(String roomTitle, RecordedEvent event, List<ChatButtons.Button> buttons, String roomUrl) {
        return TeamsCard.body(ChatLine.of(roomTitle, event), buttons.isEmpty() ? null : ChatButtons.inSitroom(buttons), roomUrl);
    }

    /** A reply card: the answer's lines, and a button to the room when there is one to open. */
    static Map<String, Object> teamsReply(String text, String buttonLabel, String roomUrl) {
        return TeamsCard.lines(text.lines().toList(), buttonLabel, roomUrl);
    }
}
