package io.sitroom.chat;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.sitroom.error.ErrorCode;
import io.sitroom.error.SitroomException;

/**
 * Mattermost: the slash command (verified by its token) and the mirrored messages' buttons (verified by the action token
 * Sitroom put in their context, which Mattermost keeps on the server and sends back). Mattermost channels are the ones
 * an incident was declared or connected in; the mirror posts there through the incoming webhook.
 */
@ApplicationScoped
public class MattermostService {

    private final ChatConfig config;
    private final ChatActions actions;
    private final ObjectMapper mapper;

    public MattermostService(ChatConfig config, ChatActions actions, ObjectMapper mapper) {
        this.config = config;
        this.actions = actions;
        this.mapper = mapper;
    }

    private String commandToken() {
        return config.mattermost().commandToken().filter(t -> !t.isBlank())
                .orElseThrow(() -> SitroomException.notFound("Mattermost is not configured on this server (sitroom.chat.mattermost.command-token)"));
    }

    private static SitroomException badToken() {
        return new SitroomException(ErrorCode.UNAUTHENTICATED, "the request's Mattermost token is missing or wrong");
    }

    /** A slash command ({@code application/x-www-form-urlencoded}), answered to its user only. */
    public Map<String, Object> command(String body) {
        String expected = commandToken();
        Map<String, String> form = Forms.parse(body);
        if (!ChatSignatures.token(expected, form.get("token"))) {
            throw badToken();
        }
        ChatRequest request = new ChatRequest(ChatPlatform.MATTERMOST, Forms.required(form, "team_id"), form.get("channel_id"),
                form.get("channel_name"), Forms.required(form, "user_id"), form.get("user_name"), Forms.required(form, "trigger_id"));
        ChatReply reply = actions.run(request, form.getOrDefault("text", ""));
        return Map.of("response_type", "ephemeral", "text", reply.text());
    }

    /** A button pressed on a mirrored message (JSON); answered with an ephemeral text. */
    public Map<String, Object> action(String body) {
        String expected = config.mattermost().actionToken().filter(t -> !t.isBlank()).orElseGet(this::commandToken);
        JsonNode payload;
        try {
            payload = mapper.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw SitroomException.invalid("the body is not valid JSON");
        }
        if (payload == null || !payload.isObject()) {
            throw SitroomException.invalid("the body is not a JSON object");
        }
        JsonNode context = payload.path("context");
        if (!ChatSignatures.token(expected, context.path("token").asText(null))) {
            throw badToken();
        }
        String team = payload.path("team_id").asText("");
        String user = payload.path("user_id").asText("");
        if (user.isBlank()) {
            throw SitroomException.invalid("field 'user_id' is required");
        }
        String action = context.path("action").asText(null);
        // A press carries a trigger id of its own; without one, one press per user, post and action.
        String trigger = payload.path("trigger_id").asText("");
        if (trigger.isBlank()) {
            trigger = payload.path("post_id").asText("") + ":" + user + ":" + action;
        }
        ChatRequest request = new ChatRequest(ChatPlatform.MATTERMOST, team, payload.path("channel_id").asText(null),
                payload.path("channel_name").asText(null), user, payload.path("user_name").asText(null), trigger);
        ChatReply reply = actions.run(request, ChatButtons.pressed(action, context.path("value").asText(null)));
        return Map.of("ephemeral_text", reply.text());
    }
}
