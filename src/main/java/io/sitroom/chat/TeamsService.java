package io.sitroom.chat;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.sitroom.error.ErrorCode;
import io.sitroom.error.SitroomException;
import io.sitroom.webhook.TeamsCard;

/**
 * Microsoft Teams' outgoing webhook: a message that @mentions Sitroom in a channel arrives as a Bot Framework activity,
 * signed {@code Authorization: HMAC <base64 HMAC-SHA256 of the body>} with the webhook's security token. The text after
 * the mention is read like {@code /sitroom}'s, and the answer goes back as an Adaptive Card in the reply (Teams waits
 * five seconds for it). An outgoing webhook cannot post on its own, so Teams channels get answers, not a mirror.
 */
@ApplicationScoped
public class TeamsService {

    private final ChatConfig config;
    private final ChatActions actions;
    private final ObjectMapper mapper;

    public TeamsService(ChatConfig config, ChatActions actions, ObjectMapper mapper) {
        this.config = config;
        this.actions = actions;
        this.mapper = mapper;
    }

    public Map<String, Object> message(String authorization, String body) {
        String secret = config.teams().webhookSecret().filter(s -> !s.isBlank())
                .orElseThrow(() -> SitroomException.notFound("Microsoft Teams is not configured on this server (sitroom.chat.teams.webhook-secret)"));
        if (!ChatSignatures.teams(secret, authorization, body)) {
            throw new SitroomException(ErrorCode.UNAUTHENTICATED, "the request's Teams HMAC signature is missing or wrong");
        }
        JsonNode activity;
        try {
            activity = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw SitroomException.invalid("the body is not valid JSON");
        }
        if (activity == null || !activity.isObject()) {
            throw SitroomException.invalid("the body is not a JSON object");
        }
        String id = required(activity.path("id"), "id");
        String user = activity.path("from").path("aadObjectId").asText(activity.path("from").path("id").asText(""));
        if (user.isBlank()) {
            throw SitroomException.invalid("field 'from.id' is required");
        }
        JsonNode channelData = activity.path("channelData");
        String team = channelData.path("team").path("id").asText(channelData.path("tenant").path("id").asText(""));
        String conversation = activity.path("conversation").path("id").asText("");
        // A reply in a thread is ";messageid=..." below the channel's conversation id: the channel is the part before it.
        String channel = conversation.contains(";") ? conversation.substring(0, conversation.indexOf(';')) : conversation;
        ChatRequest request = new ChatRequest(ChatPlatform.TEAMS, team, channel.isEmpty() ? null : channel, null, user,
                activity.path("from").path("name").asText(null), id);
        ChatReply reply = actions.run(request, commandText(activity.path("text").asText("")));
        return card(reply.text());
    }

    /** The text after the mention: Teams sends {@code <at>Sitroom</at> declare ...}, with HTML around it. */
    static String commandText(String text) {
        String plain = text.replaceAll("(?s)<at>.*?</at>", " ").replaceAll("<[^>]*>", " ").replace("&nbsp;", " ").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&").strip();
        return plain.startsWith("/sitroom") ? plain.substring("/sitroom".length()).strip() : plain;
    }

    private static Map<String, Object> card(String text) {
        List<Map<String, Object>> blocks = text.lines().map(line -> Map.<String, Object> of("type", "TextBlock", "text", TeamsCard.escape(line),
                "wrap", true)).toList();
        return Map.of("type", "message", "attachments", List.of(Map.of("contentType", "application/vnd.microsoft.card.adaptive",
                "content", Map.of("$schema", "http://adaptivecards.io/schemas/adaptive-card.json", "type", "AdaptiveCard", "version",
                        "1.4", "body", blocks))));
    }

    private static String required(JsonNode node, String name) {
        if (!node.isTextual() || node.asText().isBlank()) {
            throw SitroomException.invalid("field '" + name + "' is required");
        }
        return node.asText();
    }
}
