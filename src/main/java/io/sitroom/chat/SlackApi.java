package io.sitroom.chat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The few Slack Web API methods Sitroom calls, with the bot token, at {@code sitroom.chat.slack.api-url} (a local fake in
 * tests). Arguments go as a form, which every Web API method accepts; an answer with {@code "ok": false} is a
 * {@link SlackError} naming Slack's error.
 */
@ApplicationScoped
public class SlackApi {

    private final ChatConfig config;
    private final ObjectMapper mapper;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public SlackApi(ChatConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
    }

    public static final class SlackError extends Exception {
        private final String error;

        SlackError(String method, String error) {
            super(method + ": " + error, null, false, false);
            this.error = error;
        }

        public String error() {
            return error;
        }
    }

    /** {@code conversations.create}: a private or public channel; returns its id. */
    public String createChannel(String name, boolean isPrivate) throws SlackError {
        return call("conversations.create", Map.of("name", name, "is_private", String.valueOf(isPrivate))).path("channel").path("id").asText();
    }

    /** {@code conversations.invite}: brings users (comma-separated ids) into a channel. */
    public void invite(String channel, String users) throws SlackError {
        call("conversations.invite", Map.of("channel", channel, "users", users));
    }

    /** {@code chat.postMessage}: text (the notification and fallback) and, when not null, Block Kit blocks. */
    public void postMessage(String channel, String text, Object blocks) throws SlackError {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("channel", channel);
        args.put("text", text);
        if (blocks != null) {
            args.put("blocks", json(blocks));
        }
        call("chat.postMessage", args);
    }

    /** {@code chat.postEphemeral}: a message only that user sees in that channel. */
    public void postEphemeral(String channel, String user, String text) throws SlackError {
        call("chat.postEphemeral", Map.of("channel", channel, "user", user, "text", text));
    }

    /** {@code chat.getPermalink}. */
    public String permalink(String channel, String ts) throws SlackError {
        return call("chat.getPermalink", Map.of("channel", channel, "message_ts", ts)).path("permalink").asText(null);
    }

    /** One message by its ts ({@code conversations.history} around it), or null when it is gone. */
    public JsonNode message(String channel, String ts) throws SlackError {
        JsonNode messages = call("conversations.history", Map.of("channel", channel, "latest", ts, "inclusive", "true", "limit", "1"))
                .path("messages");
        return messages.isArray() && !messages.isEmpty() ? messages.get(0) : null;
    }

    /**
     * {@code users.info}: the user object ({@code id}, {@code team_id}, {@code deleted}, {@code is_bot},
     * {@code profile.email} with the {@code users:read.email} scope). Asked while a slash command waits, so with a short
     * timeout.
     */
    public JsonNode user(String user) throws SlackError {
        return call("users.info", Map.of("user", user), Duration.ofSeconds(2)).path("user");
    }

    private JsonNode call(String method, Map<String, String> args) throws SlackError {
        return call(method, args, Duration.ofSeconds(10));
    }

    private JsonNode call(String method, Map<String, String> args, Duration timeout) throws SlackError {
        String token = config.slack().botToken().orElseThrow(() -> new SlackError(method, "no bot token (sitroom.chat.slack.bot-token)"));
        String form = args.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.slack().apiUrl().replaceAll("/+$", "") + "/" + method))
                .timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        JsonNode answer;
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new SlackError(method, "HTTP " + response.statusCode());
            }
            answer = mapper.readTree(response.body());
        } catch (IOException e) {
            throw new SlackError(method, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlackError(method, "interrupted");
        }
        if (!answer.path("ok").asBoolean(false)) {
            throw new SlackError(method, answer.path("error").asText("unknown_error"));
        }
        return answer;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
