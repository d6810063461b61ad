package io.sitroom.chat;

import java.time.Clock;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.sitroom.error.ErrorCode;
import io.sitroom.error.SitroomException;

/**
 * Slack's requests: slash commands, interactions (buttons, the "Add to timeline" message shortcut) and events (the
 * timeline reaction). Every request is verified with the signing secret first; a request that fails is refused with
 * 401 before anything is read. Slack wants an answer within three seconds: commands are answered at once, and what
 * needs Slack's Web API first (a message's text, its permalink) runs on the chat thread.
 */
@ApplicationScoped
public class SlackService {

    /** The message shortcut's callback id, as in deploy/slack-app-manifest.yaml. */
    public static final String ADD_TO_TIMELINE = "add_to_timeline";
    static final int MAX_QUOTED = 8_000;

    private final ChatConfig config;
    private final ChatActions actions;
    private final ChatAccounts accounts;
    private final ChatMirror mirror;
    private final SlackApi api;
    private final ObjectMapper mapper;
    private final Clock clock;

    public SlackService(ChatConfig config, ChatActions actions, ChatAccounts accounts, ChatMirror mirror, SlackApi api, ObjectMapper mapper,
            Clock clock) {
        this.config = config;
        this.actions = actions;
        this.accounts = accounts;
        this.mirror = mirror;
        this.api = api;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Refuses a request Slack did not sign (or signed more than five minutes ago); 404 when Slack is not set up here. */
    void verify(String timestamp, String signature, String body) {
        String secret = config.slack().signingSecret().filter(s -> !s.isBlank())
                .orElseThrow(() -> SitroomException.notFound("Slack is not configured on this server (sitroom.chat.slack.signing-secret)"));
        if (!ChatSignatures.slack(secret, timestamp, signature, body, clock.instant())) {
            throw new SitroomException(ErrorCode.UNAUTHENTICATED, "the request's Slack signature is missing, wrong or older than five minutes");
        }
    }

    /** A slash command: answered at once, to its user only. */
    public Map<String, Object> command(String timestamp, String signature, String body) {
        verify(timestamp, signature, body);
        Map<String, String> form = Forms.parse(body);
        if (form.containsKey("ssl_check")) {
            return Map.of(); // Slack checking the certificate of the command's URL
        }
        ChatRequest request = new ChatRequest(ChatPlatform.SLACK, Forms.required(form, "team_id"), form.get("channel_id"),
                form.get("channel_name"), Forms.required(form, "user_id"), form.get("user_name"), Forms.required(form, "trigger_id"));
        ChatReply reply = actions.run(request, form.getOrDefault("text", ""));
        return Map.of("response_type", "ephemeral", "text", reply.text());
    }

    /** A button pressed on a mirrored message, or the "Add to timeline" shortcut. */
    public void interaction(String timestamp, String signature, String body) {
        verify(timestamp, signature, body);
        JsonNode payload = json(Forms.required(Forms.parse(body), "payload"));
        String type = payload.path("type").asText("");
        String team = text(payload.path("team").path("id"), "team.id");
        String user = text(payload.path("user").path("id"), "user.id");
        String channel = payload.path("channel").path("id").asText(payload.path("container").path("channel_id").asText(null));
        String trigger = text(payload.path("trigger_id"), "trigger_id");
        ChatRequest request = new ChatRequest(ChatPlatform.SLACK, team, channel, null, user, null, trigger);
        if (type.equals("block_actions")) {
            JsonNode action = payload.path("actions").path(0);
            ChatAction pressed = ChatButtons.pressed(action.path("action_id").asText(null), action.path("value").asText(null));
            ChatReply reply = actions.run(request, pressed);
            answer(channel, user, reply);
        } else if (type.equals("message_action")) {
            if (!ADD_TO_TIMELINE.equals(payload.path("callback_id").asText())) {
                throw SitroomException.invalid("unknown shortcut");
            }
            JsonNode message = payload.path("message");
            String ts = text(message.path("ts"), "message.ts");
            String author = message.path("user").asText(null);
            String quoted = message.path("text").asText("");
            mirror.later(() -> addToTimeline(request, author, quoted, ts));
        } else {
            throw SitroomException.invalid("unsupported interaction type");
        }
    }

    /** The Events API: the URL check when the app is set up, and the timeline reaction. Answered at once. */
    public Map<String, Object> event(String timestamp, String signature, String body) {
        verify(timestamp, signature, body);
        JsonNode envelope = json(body);
        String type = envelope.path("type").asText("");
        if (type.equals("url_verification")) {
            return Map.of("challenge", text(envelope.path("challenge"), "challenge"));
        }
        if (!type.equals("event_callback")) {
            return Map.of();
        }
        JsonNode event = envelope.path("event");
        if (event.path("type").asText().equals("reaction_added") && config.slack().timelineReaction().equals(event.path("reaction").asText())
                && event.path("item").path("type").asText().equals("message")) {
            String team = text(envelope.path("team_id"), "team_id");
            String eventId = text(envelope.path("event_id"), "event_id");
            String user = text(event.path("user"), "event.user");
            String channel = text(event.path("item").path("channel"), "event.item.channel");
            String ts = text(event.path("item").path("ts"), "event.item.ts");
            // Slack sends an event again (same event_id) when it was not answered in time: the same command id, appended once.
            ChatRequest request = new ChatRequest(ChatPlatform.SLACK, team, channel, null, user, null, eventId);
            mirror.later(() -> {
                try {
                    JsonNode message = api.message(channel, ts);
                    if (message != null) {
                        addToTimeline(request, message.path("user").asText(null), message.path("text").asText(""), ts);
                    }
                } catch (SlackApi.SlackError e) {
                    answer(channel, user, ChatReply.refused("Sitroom could not read that message: " + e.error()));
                }
            });
        }
        return Map.of();
    }

    private void addToTimeline(ChatRequest request, String author, String quoted, String ts) {
        String permalink;
        try {
            permalink = api.permalink(request.channelId(), ts);
        } catch (SlackApi.SlackError e) {
            permalink = null;
        }
        String name = author == null ? null : accounts.displayNameOf(ChatPlatform.SLACK, request.teamId(), author);
        ChatReply reply = actions.run(request, new ChatAction.Note(timelineNote(author, name, quoted, permalink)));
        answer(request.channelId(), request.userId(), reply);
    }

    /** A chat message as a note: who wrote it (their Sitroom name when linked), what, and where to find it. */
    static String timelineNote(String authorId, String authorName, String text, String permalink) {
        String who = authorName != null ? authorName + " (Slack)" : authorId != null ? "Slack user " + authorId : "Slack";
        String quoted = text.length() > MAX_QUOTED ? text.substring(0, MAX_QUOTED) + "..." : text;
        return "From Slack, " + who + " wrote: " + quoted + (permalink == null ? "" : "\n" + permalink);
    }

    /** Tells the user how their action went, in the channel, visible to them only (off the request's thread). */
    private void answer(String channel, String user, ChatReply reply) {
        if (channel == null || config.slack().botToken().isEmpty()) {
            return;
        }
        mirror.later(() -> {
            try {
                api.postEphemeral(channel, user, reply.text());
            } catch (SlackApi.SlackError e) {
                // The action itself is recorded (or refused) either way; only the answer is lost.
            }
        });
    }

    private JsonNode json(String text) {
        try {
            JsonNode node = mapper.readTree(text);
            if (node == null || !node.isObject()) {
                throw SitroomException.invalid("the body is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw SitroomException.invalid("the body is not valid JSON");
        }
    }

    private static String text(JsonNode node, String name) {
        if (!node.isTextual() || node.asText().isBlank()) {
            throw SitroomException.invalid("field '" + name + "' is required");
        }
        return node.asText();
    }
}
