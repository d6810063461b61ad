package io.sitroom.chat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A local fake of the Slack Web API methods Sitroom calls ({@code conversations.create}, {@code conversations.invite},
 * {@code chat.postMessage}, {@code chat.postEphemeral}, {@code chat.getPermalink}, {@code conversations.history},
 * {@code users.info}), of a Mattermost incoming webhook and its users API ({@code GET /api/v4/users/{id}}), and of Teams
 * workflow URLs ({@code /teams/workflow/<name>}), with the chat platforms configured to use them.
 */
public class FakeChatPlatforms implements QuarkusTestResourceLifecycleManager {

    static final String SLACK_SECRET = "test-slack-signing-secret";
    static final String MATTERMOST_TOKEN = "mm-command-token-for-tests";
    static final String TEAMS_SECRET = Base64.getEncoder().encodeToString("teams-outgoing-webhook-test-key!".getBytes(StandardCharsets.UTF_8));

    /** One call to the fake: the method (or "mattermost") and its form arguments or JSON body. */
    public record Call(String method, Map<String, String> args, String body) {
    }

    /** A Slack user as {@code users.info} describes them. */
    record SlackUser(String email, String teamId) {
    }

    /** A Mattermost user as {@code GET /api/v4/users/{id}} describes them. */
    record MattermostUser(String email, boolean emailVerified) {
    }

    static final List<Call> CALLS = new CopyOnWriteArrayList<>();
    /** Who {@code users.info} knows, by Slack user id; anyone else is {@code user_not_found}. */
    static final Map<String, SlackUser> SLACK_USERS = new java.util.concurrent.ConcurrentHashMap<>();
    static final Map<String, MattermostUser> MATTERMOST_USERS = new java.util.concurrent.ConcurrentHashMap<>();
    /** The HTTP status each Teams workflow answers (202 unless set). */
    static final Map<String, Integer> WORKFLOW_STATUS = new java.util.concurrent.ConcurrentHashMap<>();
    static volatile String base;
    private static final AtomicInteger CHANNELS = new AtomicInteger();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/", this::slack);
        server.createContext("/mattermost/hook", exchange -> {
            CALLS.add(new Call("mattermost", Map.of(), new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            respond(exchange, 200, "ok");
        });
        server.createContext("/mattermost/api/v4/users/", exchange -> {
            String id = exchange.getRequestURI().getPath().substring("/mattermost/api/v4/users/".length());
            MattermostUser user = MATTERMOST_USERS.get(id);
            if (!"Bearer mm-api-token-for-tests".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                respond(exchange, 401, "{\"id\":\"api.context.session_expired.app_error\",\"status_code\":401}");
            } else if (user == null) {
                respond(exchange, 404, "{\"id\":\"app.user.missing_account.const\",\"status_code\":404}");
            } else {
                respond(exchange, 200, "{\"id\":\"" + id + "\",\"username\":\"" + id + "\",\"email\":\"" + user.email()
                        + "\",\"email_verified\":" + user.emailVerified() + ",\"delete_at\":0,\"roles\":\"system_user\"}");
            }
        });
        server.createContext("/teams/workflow/", exchange -> {
            String name = exchange.getRequestURI().getPath().substring("/teams/workflow/".length());
            CALLS.add(new Call("teams-workflow:" + name, Map.of(), new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            respond(exchange, WORKFLOW_STATUS.getOrDefault(name, 202), "");
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        FakeChatPlatforms.base = base;
        Map<String, String> config = new HashMap<>();
        config.put("sitroom.chat.slack.signing-secret", SLACK_SECRET);
        config.put("sitroom.chat.slack.bot-token", "xoxb-test-token");
        config.put("sitroom.chat.slack.api-url", base + "/api");
        config.put("sitroom.chat.mattermost.command-token", MATTERMOST_TOKEN);
        config.put("sitroom.chat.mattermost.webhook-url", base + "/mattermost/hook");
        config.put("sitroom.chat.mattermost.callback-url", "https://sitroom.example");
        config.put("sitroom.chat.mattermost.api-url", base + "/mattermost");
        config.put("sitroom.chat.mattermost.api-token", "mm-api-token-for-tests");
        config.put("sitroom.chat.teams.webhook-secret", TEAMS_SECRET);
        config.put("sitroom.chat.teams.allow-loopback-http", "true");
        config.put("sitroom.chat.public-url", "https://sitroom.example");
        return config;
    }

    private void slack(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestURI().getPath().substring("/api/".length());
        Map<String, String> args = new HashMap<>();
        for (String pair : new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                args.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        if (!"Bearer xoxb-test-token".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 200, "{\"ok\":false,\"error\":\"not_authed\"}");
            return;
        }
        CALLS.add(new Call(method, args, null));
        String answer = switch (method) {
            case "conversations.create" -> "{\"ok\":true,\"channel\":{\"id\":\"C" + (1000 + CHANNELS.incrementAndGet()) + "\",\"name\":\""
                    + args.get("name") + "\"}}";
            case "chat.postMessage" -> "{\"ok\":true,\"channel\":\"" + args.get("channel") + "\",\"ts\":\"1700000000.000100\"}";
            case "chat.getPermalink" -> "{\"ok\":true,\"permalink\":\"https://acme.slack.com/archives/" + args.get("channel") + "/p"
                    + args.get("message_ts").replace(".", "") + "\"}";
            case "conversations.history" -> "{\"ok\":true,\"messages\":[{\"type\":\"message\",\"user\":\"UAUTHOR\",\"text\":"
                    + "\"Seen beaconing from 10.0.0.7\",\"ts\":\"" + args.get("latest") + "\"}]}";
            case "conversations.invite", "chat.postEphemeral" -> "{\"ok\":true}";
            case "users.info" -> {
                SlackUser user = SLACK_USERS.get(args.get("user"));
                yield user == null ? "{\"ok\":false,\"error\":\"user_not_found\"}"
                        : "{\"ok\":true,\"user\":{\"id\":\"" + args.get("user") + "\",\"team_id\":\"" + user.teamId()
                                + "\",\"name\":\"someone\",\"deleted\":false,\"is_bot\":false,\"is_restricted\":false,"
                                + "\"profile\":{\"real_name\":\"Someone\",\"display_name\":\"someone\",\"email\":\"" + user.email() + "\"}}}";
            }
            default -> "{\"ok\":false,\"error\":\"unknown_method\"}";
        };
        respond(exchange, 200, answer);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** The calls so far that match, waiting up to ten seconds for at least one. */
    static List<Call> await(Predicate<Call> wanted) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            List<Call> found = calls(wanted);
            if (!found.isEmpty()) {
                return found;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("the fake chat platform was not called as expected; calls: " + CALLS);
    }

    static List<Call> calls(Predicate<Call> wanted) {
        return CALLS.stream().filter(wanted).toList();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
