package io.sitroom.chat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The e-mail address a chat platform vouches for, for linking by e-mail: Slack's {@code users.info} (Slack confirms
 * an address before it joins a workspace) when the user belongs to the very workspace that sent the request, not to
 * another organisation through Slack Connect; Mattermost's {@code GET /api/v4/users/{id}} when it says
 * {@code email_verified}. Teams' outgoing webhook names no address. Anything unclear (a bot, a deactivated user, an
 * error, no scope to read addresses) is no address: the user links with a code instead.
 */
@ApplicationScoped
public class ChatDirectory {

    private static final Logger LOG = Logger.getLogger(ChatDirectory.class);

    private final ChatConfig config;
    private final SlackApi slack;
    private final ObjectMapper mapper;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public ChatDirectory(ChatConfig config, SlackApi slack, ObjectMapper mapper) {
        this.config = config;
        this.slack = slack;
        this.mapper = mapper;
    }

    /** The address the request's platform verified for its user, if it says so. */
    public Optional<String> verifiedEmail(ChatRequest request) {
        return switch (request.platform()) {
            case SLACK -> slack(request);
            case MATTERMOST -> mattermost(request);
            case TEAMS -> Optional.empty();
        };
    }

    private Optional<String> slack(ChatRequest request) {
        if (config.slack().botToken().isEmpty()) {
            return Optional.empty();
        }
        JsonNode user;
        try {
            user = slack.user(request.userId());
        } catch (SlackApi.SlackError e) {
            LOG.debugf("chat: users.info for %s: %s", request.userId(), e.error());
            return Optional.empty();
        }
        if (!request.userId().equals(user.path("id").asText()) || user.path("deleted").asBoolean(false) || user.path("is_bot").asBoolean(false)
                || user.path("is_app_user").asBoolean(false)) {
            return Optional.empty();
        }
        // A Slack Connect user's address is vouched for by another organisation's workspace: not this one's word.
        String team = user.path("team_id").asText("");
        if (!team.isEmpty() && !team.equals(request.teamId())) {
            return Optional.empty();
        }
        return text(user.path("profile").path("email"));
    }

    private Optional<String> mattermost(ChatRequest request) {
        Optional<String> base = config.mattermost().apiUrl().filter(u -> !u.isBlank());
        Optional<String> token = config.mattermost().apiToken().filter(t -> !t.isBlank());
        if (base.isEmpty() || token.isEmpty()) {
            return Optional.empty();
        }
        try {
            HttpRequest get = HttpRequest.newBuilder(URI.create(base.get().replaceAll("/+$", "") + "/api/v4/users/"
                    + URLEncoder.encode(request.userId(), StandardCharsets.UTF_8)))
                    .timeout(Duration.ofSeconds(2)).header("Authorization", "Bearer " + token.get()).GET().build();
            HttpResponse<String> response = http.send(get, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                LOG.debugf("chat: Mattermost's user %s: HTTP %d", request.userId(), response.statusCode());
                return Optional.empty();
            }
            JsonNode user = mapper.readTree(response.body());
            if (user == null || !request.userId().equals(user.path("id").asText()) || user.path("delete_at").asLong(0) != 0
                    || user.path("is_bot").asBoolean(false) || !user.path("email_verified").asBoolean(false)) {
                return Optional.empty();
            }
            return text(user.path("email"));
        } catch (IOException | IllegalArgumentException e) {
            LOG.debugf("chat: Mattermost's user %s: %s", request.userId(), e.toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? Optional.of(node.asText().strip()) : Optional.empty();
    }
}
