package io.sitroom.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.vertx.core.Vertx;

/** The request goes to the address that was checked, carrying the URL's host: what the name resolves to later does not matter. */
class WebhookSenderTest {

    record Seen(String host, String path, String body, String signature) {
    }

    HttpServer receiver;
    Vertx vertx;
    final List<Seen> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            seen.add(new Seen(exchange.getRequestHeaders().getFirst("Host"), exchange.getRequestURI().toString(),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("X-Sitroom-Signature")));
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/gone") ? 410 : 204, -1);
            exchange.close();
        });
        receiver.start();
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        vertx.close();
    }

    @Test
    void post_connectsToThePinnedAddress_withTheNameAsHost_andAnswersTheStatus() throws Exception {
        WebhookSender sender = new WebhookSender(vertx);
        int port = receiver.getAddress().getPort();
        // The name does not resolve at all here: only the pinned address can have been used.
        URI url = URI.create("http://hooks.sitroom-test.invalid:" + port + "/hook?team=ops");
        int status = sender.post(url, new WebhookTargets.Allowed(url.getHost(), InetAddress.getByName("127.0.0.1")),
                Map.of("X-Sitroom-Signature", "sha256=abc"), "{\"a\":1}");
        assertEquals(204, status);
        assertEquals(List.of(new Seen("hooks.sitroom-test.invalid:" + port, "/hook?team=ops", "{\"a\":1}", "sha256=abc")), seen);
    }

    @Test
    void post_answersAnErrorStatus_asIs() throws Exception {
        WebhookSender sender = new WebhookSender(vertx);
        URI url = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/gone");
        assertEquals(410, sender.post(url, new WebhookTargets.Allowed(url.getHost(), InetAddress.getByName("127.0.0.1")), Map.of(), "{}"));
    }
}
