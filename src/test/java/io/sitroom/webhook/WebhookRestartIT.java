package io.sitroom.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.sitroom.testing.AppProcess;

/** Webhook deliveries survive a kill of the packaged server: each event reaches the endpoint once. */
class WebhookRestartIT {

    @Test
    void afterAKillAndRestart_noDeliveryIsSentTwice_andNoneIsLost() throws Exception {
        List<String> deliveries = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            deliveries.add(exchange.getRequestHeaders().getFirst("X-Sitroom-Delivery"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        AppProcess.emptyDatabase();
        try (AppProcess app = new AppProcess()) {
            app.start();
            String admin = app.login("admin", AppProcess.ADMIN_PASSWORD);
            String hook = app.as(admin)
                    .body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", "kinds", List.of("note.added")))
                    .post("/api/webhooks").then().statusCode(201).extract().path("id");
            String room = app.as(admin).body(Map.of("kind", "INCIDENT", "title", "Deliver once")).post("/api/rooms")
                    .then().statusCode(201).extract().path("id");
            for (int i = 0; i < 5; i++) {
                app.as(admin).body(Map.of("commandId", "n" + i, "name", "note.add", "data", Map.of("text", "note " + i)))
                        .post("/api/rooms/" + room + "/commands").then().statusCode(200);
            }
            waitFor(deliveries, 5);
            // Kill once the server has recorded the answers: a delivery acknowledged before the crash
            // must never go out again. (One in flight at the moment of a crash may; see docs/protocol.md.)
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (System.nanoTime() < deadline && app.as(admin).get("/api/webhooks/" + hook + "/deliveries").then().statusCode(200).extract().jsonPath()
                    .getList("findAll { it.status == 'delivered' }").size() < 5) {
                Thread.sleep(50);
            }
            app.kill();
            app.start();
            app.as(app.login("admin", AppProcess.ADMIN_PASSWORD)).body(Map.of("commandId", "after", "name", "note.add", "data", Map.of("text", "after the restart")))
                    .post("/api/rooms/" + room + "/commands").then().statusCode(200);
            waitFor(deliveries, 6);
            Thread.sleep(3_000); // a poll of the dispatcher (every 2 s) would resend anything it wrongly thought undelivered
        } finally {
            receiver.stop(0);
        }
        assertEquals(6, deliveries.size(), deliveries.toString());
        assertEquals(6, new HashSet<>(deliveries).size(), "each event once");
    }


    private static void waitFor(List<String> deliveries, int count) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (deliveries.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(deliveries.size() >= count, "only " + new ArrayList<>(deliveries) + " arrived");
    }
}
