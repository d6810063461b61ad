package io.sitroom.chat;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.sitroom.error.ErrorCode;
import io.sitroom.error.SitroomException;

/**
 * Microsoft Teams' outgoing webhook: a message that @mentions Sitroom in a channel arrives as a Bot Framework activity,
 * signed {@code Authorization: HMAC <base64 HMAC-SHA256 of the body>} with the webhook's security token. The text after
 * the mention is read like {@code /sitroom}'s, and the answer goes back as an Adaptive Card in the reply (Teams waits
 * five seconds for it), with an {@code Action.OpenUrl} to the room (the only action an outgoing webhook's card may
 * have). An outgoing webhook cannot post on its own: a channel is mirrored through a workflow URL ({@link TeamsWorkflows}).
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
        ChatAction action;
        ChatReply reply;
        try {
            action = ChatText.parse(commandText(activity.path("text").asText("")));
        } catch (SitroomException e) {
            return ChatMessages.teamsReply(e.getMessage(), null, null);
        }
        reply = actions.run(request, action);
        String text = reply.text();
        if (reply.ok() && (action instanceof ChatAction.Declare || action instanceof ChatAction.Connect)) {
            text += "\nTo follow the room in this channel too, its incident commander gives the channel a Teams workflow URL (docs/chat.md).";
        }
        // Teams cannot call Sitroom back (no Bot Framework bot): what a button would do is done in the web console.
        String label = action instanceof ChatAction.Decide ? "Approve or reject in Sitroom" : "Open in Sitroom";
        String roomUrl = reply.roomId() == null ? null
                : config.publicUrl().map(url -> url.replaceAll("/+$", "") + "/rooms/" + reply.roomId()).orElse(null);
        return ChatMessages.teamsReply(text, label, roomUrl);
    }

    /** The text after the mention: Teams sends {@code <at>Sitroom</at> declare ...}, with HTML around it. */
    static String commandText(String text) {
        String plain = text.replaceAll("(?s)<at>.*?</at>", " ").replaceAll("<[^>]*>", " ").replace("&nbsp;", " ").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&").strip();
        return plain.startsWith("/sitroom") ? plain.substring("/sitroom".length()).strip() : plain;
    }

    private static String required(JsonNode node, String name) {
        if (!node.isTextual() || node.asText().isBlank()) {
            throw SitroomException.invalid("field '" + name + "' is required");
        }
        return node.asText();
    }
}
