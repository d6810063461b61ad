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
 * {@code chat.postMessage}, {@code chat.postEphemeral}, {@code chat.getPermalink}, {@code conversations.history}) and of
 * a Mattermost incoming webhook, with the chat platforms configured to use them.
 */
public class FakeChatPlatforms implements QuarkusTestResourceLifecycleManager {

    static final String SLACK_SECRET = "test-slack-signing-secret";
    static final String MATTERMOST_TOKEN = "mm-command-token-for-tests";
    static final String TEAMS_SECRET = Base64.getEncoder().encodeToString("teams-outgoing-webhook-test-key!".getBytes(StandardCharsets.UTF_8));

    /** One call to the fake: the method (or "mattermost") and its form arguments or JSON body. */
    public record Call(String method, Map<String, String> args, String body) {
    }

    static final List<Call> CALLS = new CopyOnWriteArrayList<>();
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
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        Map<String, String> config = new HashMap<>();
        config.put("sitroom.chat.slack.signing-secret", SLACK_SECRET);
        config.put("sitroom.chat.slack.bot-token", "xoxb-test-token");
        config.put("sitroom.chat.slack.api-url", base + "/api");
        config.put("sitroom.chat.mattermost.command-token", MATTERMOST_TOKEN);
        config.put("sitroom.chat.mattermost.webhook-url", base + "/mattermost/hook");
        config.put("sitroom.chat.mattermost.callback-url", "https://sitroom.example");
        config.put("sitroom.chat.teams.webhook-secret", TEAMS_SECRET);
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
