package io.sitroom.live;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.sitroom.testing.AppProcess;

/**
 * Debian's nginx with the shipped deploy/nginx.conf (the compose names replaced by local ports) in front of two
 * packaged nodes: 2,000 sockets through it, REST over kept-alive node connections, no query string in its logs,
 * and its own refusals (413, 429, 502) in the protocol's error body.
 */
class NginxIT {

    private static final String NGINX = "/usr/sbin/nginx";
    private static final int USERS = 100;
    private static final int SOCKETS_PER_USER = 20;

    @Test
    void twoThousandSocketsThroughTheShippedConfig_andNoQueryStringInItsLogs() throws Exception {
        if (System.getenv("SITROOM_REAL_PEERS") == null) {
            Assumptions.assumeTrue(new File(NGINX).canExecute(), "Debian's nginx is installed (apt-get install nginx)");
        }
        AppProcess.emptyDatabase();
        Map<String, String> settings = Map.of("SITROOM_SECURITY_BCRYPT_COST", "4", "QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "true",
                "QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED", "true", "QUARKUS_HTTP_PROXY_TRUSTED_PROXIES", "127.0.0.1");
        Path dir = Files.createTempDirectory("sitroom-nginx-");
        try (AppProcess a = new AppProcess(settings); AppProcess b = new AppProcess(settings)) {
            a.start();
            b.start();
            int port = freePort();
            Process nginx = startNginx(dir, port, a, b);
            try {
                String base = "http://127.0.0.1:" + port;
                String admin = login(base, "admin", AppProcess.ADMIN_PASSWORD);
                List<String> tokens = new ArrayList<>();
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < USERS; i++) {
                    ids.add(given().baseUri(base).auth().oauth2(admin).contentType(ContentType.JSON)
                            .body(Map.of("username", "n" + i, "displayName", "N " + i, "password", "nginx-password-" + i)).post("/api/users")
                            .then().statusCode(201).extract().path("id"));
                    tokens.add(a.login("n" + i, "nginx-password-" + i));
                }
                String room = a.as(tokens.get(0)).body(Map.of("kind", "INCIDENT", "title", "Behind nginx", "severity", "SEV2"))
                        .post("/api/rooms").then().statusCode(201).extract().path("id");
                for (int i = 1; i < USERS; i++) {
                    a.as(tokens.get(0)).body(Map.of("userId", ids.get(i), "roles", List.of())).post("/api/rooms/" + room + "/members").then()
                            .statusCode(201);
                }

                // 2,000 sockets through nginx, half with the token in the query string (as a non-browser client may).
                HttpClient http = HttpClient.newHttpClient();
                AtomicInteger welcomed = new AtomicInteger();
                Semaphore connecting = new Semaphore(100);
                List<CompletableFuture<WebSocket>> sockets = new ArrayList<>();
                long start = System.nanoTime();
                for (int i = 0; i < USERS * SOCKETS_PER_USER; i++) {
                    String token = tokens.get(i % USERS);
                    boolean inQuery = i % 2 == 0;
                    URI uri = URI.create("ws://127.0.0.1:" + port + "/ws/rooms/" + room + (inQuery ? "?token=" + token : ""));
                    WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30));
                    if (!inQuery) {
                        builder.header("Authorization", "Bearer " + token);
                    }
                    connecting.acquire();
                    sockets.add(builder.buildAsync(uri, countWelcome(welcomed)).whenComplete((ws, e) -> connecting.release()));
                }
                CompletableFuture.allOf(sockets.toArray(CompletableFuture[]::new)).get(180, TimeUnit.SECONDS);
                long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                while (welcomed.get() < USERS * SOCKETS_PER_USER && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertEquals(USERS * SOCKETS_PER_USER, welcomed.get(), "every socket through nginx was welcomed");
                System.out.printf("NginxIT: %d sockets welcomed through nginx in %d ms%n", welcomed.get(),
                        Duration.ofNanos(System.nanoTime() - start).toMillis());
                int onA = socketsOn(a);
                int onB = socketsOn(b);
                System.out.printf("NginxIT: %d sockets on node A, %d on node B%n", onA, onB);
                assertEquals(USERS * SOCKETS_PER_USER, onA + onB);

                // REST still flows while the sockets are open; nginx's own refusals are JSON.
                for (int i = 0; i < 50; i++) {
                    given().baseUri(base).auth().oauth2(tokens.get(1)).get("/api/rooms/" + room).then().statusCode(200);
                }
                given().baseUri(base).auth().oauth2(tokens.get(1)).contentType(ContentType.JSON).body("x".repeat(2 * 1024 * 1024))
                        .post("/api/rooms/" + room + "/commands").then().statusCode(413).contentType("application/json")
                        .body("error.code", equalTo("too_large"));
                int limited = 0;
                for (int i = 0; i < 60; i++) {
                    int status = given().baseUri(base).contentType(ContentType.JSON)
                            .body(Map.of("username", "nobody", "password", "wrong-password-1")).post("/api/auth/login").statusCode();
                    if (status == 429) {
                        limited++;
                    }
                }
                assertTrue(limited > 0, "a flood of sign-ins from one address is held back");
                given().baseUri(base).contentType(ContentType.JSON).body(Map.of("username", "nobody", "password", "wrong-password-1"))
                        .post("/api/auth/login").then().statusCode(429).contentType("application/json")
                        .body("error.code", equalTo("rate_limited"));

                for (CompletableFuture<WebSocket> socket : sockets) {
                    socket.join().abort();
                }
                a.kill();
                b.kill();
                given().baseUri(base).auth().oauth2(tokens.get(1)).get("/api/rooms").then().statusCode(502).contentType("application/json")
                        .header("Retry-After", "5").body("error.code", equalTo("unavailable"));

                String access = Files.readString(dir.resolve("access.log"));
                String errors = Files.exists(dir.resolve("error.log")) ? Files.readString(dir.resolve("error.log")) : "";
                assertTrue(access.lines().count() >= USERS * SOCKETS_PER_USER, "every upgrade is logged");
                for (String token : tokens) {
                    assertFalse(access.contains(token) || errors.contains(token), "no token in nginx's logs");
                }
                assertFalse(access.contains("?") || errors.contains("token="), "no query string in nginx's logs");
            } finally {
                nginx.destroy();
                nginx.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** The shipped config, with the compose names and paths replaced for this machine. */
    private static Process startNginx(Path dir, int port, AppProcess a, AppProcess b) throws Exception {
        String config = Files.readString(Path.of("deploy/nginx.conf"))
                .replace("app1:8080", a.baseUrl().substring("http://".length()))
                .replace("app2:8080", b.baseUrl().substring("http://".length()))
                .replace("listen 8080;", "listen 127.0.0.1:" + port + ";")
                .replace("/var/log/nginx/", dir + "/")
                .replace("http {", "http {\n    client_body_temp_path " + dir + "/body;\n    proxy_temp_path " + dir + "/proxy;\n"
                        + "    fastcgi_temp_path " + dir + "/fastcgi;\n    uwsgi_temp_path " + dir + "/uwsgi;\n    scgi_temp_path " + dir + "/scgi;\n");
        Path file = dir.resolve("nginx.conf");
        Files.writeString(file, config);
        Process nginx = new ProcessBuilder(NGINX, "-p", dir.toString(), "-e", dir + "/error.log", "-c", file.toString(), "-g",
                "daemon off; pid " + dir + "/nginx.pid; user root;").redirectErrorStream(true)
                .redirectOutput(dir.resolve("nginx.out").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (java.net.Socket probe = new java.net.Socket("127.0.0.1", port)) {
                return nginx;
            } catch (java.io.IOException notYet) {
                if (!nginx.isAlive()) {
                    throw new IllegalStateException("nginx did not start: " + Files.readString(dir.resolve("nginx.out")));
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("nginx did not listen on " + port);
    }

    private static WebSocket.Listener countWelcome(AtomicInteger welcomed) {
        return new WebSocket.Listener() {
            private boolean seen;

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                if (!seen && data.toString().startsWith("{\"type\":\"welcome\"")) {
                    seen = true;
                    welcomed.incrementAndGet();
                }
                webSocket.request(1);
                return null;
            }
        };
    }

    private static int socketsOn(AppProcess node) {
        return given().baseUri(node.baseUrl()).get("/q/health/ready").then().statusCode(200).extract()
                .path("checks.find { it.name == 'sitroom-node' }.data.sockets");
    }

    private static String login(String base, String username, String password) {
        return given().baseUri(base).contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .post("/api/auth/login").then().statusCode(200).extract().path("token");
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
