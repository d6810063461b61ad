package io.sitroom.alert;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;
import io.sitroom.testing.AppProcess;
import io.sitroom.testing.WsClient;

/**
 * The alert pipeline with the real thing: Debian's Prometheus scrapes the packaged app (with the
 * metrics token) and evaluates two rules, one firing while a WebSocket is open on the app
 * ({@code severity="critical"}) and a Watchdog that always fires ({@code severity="none"}, as
 * kube-prometheus has it), in one Alertmanager group; Alertmanager posts the group to the intake
 * with an integration token, repeating it every few seconds. One room opens and holds both alerts,
 * resends append nothing, closing the socket resolves the alert in that room, Prometheus reads the
 * app's OpenMetrics, {@code promtool check metrics} passes, and paths nobody routes share one
 * {@code uri} value. Every process it starts is stopped at the end; it uses ports of its own.
 */
class AlertmanagerIT {

    private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    private static final Path ALERTMANAGER = Path.of("/usr/bin/prometheus-alertmanager");
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");
    private static final String METRICS_TOKEN = "it-metrics-token-" + UUID.randomUUID();
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Test
    void prometheusAndAlertmanager_openOneRoom_loseTheWatchdogsGroupNever_resendNothing_andRecordTheResolution() throws Exception {
        assumeTrue(Files.isExecutable(PROMETHEUS) && Files.isExecutable(ALERTMANAGER) || System.getenv("SITROOM_REAL_PEERS") != null,
                "Prometheus and Alertmanager are not installed (apt-get install prometheus prometheus-alertmanager); CI runs this with them");
        AppProcess.emptyDatabase();
        Path work = Files.createTempDirectory("sitroom-alertmanager-it");
        List<Process> peers = new ArrayList<>();
        try (AppProcess app = new AppProcess(Map.of("SITROOM_METRICS_TOKEN", METRICS_TOKEN))) {
            app.start();
            String admin = app.login("admin", AppProcess.ADMIN_PASSWORD);
            String integration = app.as(admin).body(Map.of("name", "Alertmanager")).post("/api/integrations").then().statusCode(201)
                    .extract().path("token");
            String probe = app.as(admin).body(Map.of("kind", "INCIDENT", "title", "Probe", "severity", "SEV4")).post("/api/rooms").then()
                    .statusCode(201).extract().path("id");
            WsClient socket = WsClient.connect(app.roomSocket(probe, null), admin);
            socket.next("welcome");

            int alertmanagerPort = freePort();
            int prometheusPort = freePort();
            String appAddress = app.baseUrl().substring("http://".length());
            peers.add(start(work, "alertmanager", ALERTMANAGER, "--config.file=" + write(work, "alertmanager.yml", """
                    route:
                      receiver: sitroom
                      group_by: [team]
                      group_wait: 1s
                      group_interval: 2s
                      repeat_interval: 2s
                    receivers:
                      - name: sitroom
                        webhook_configs:
                          - url: http://%s/api/alerts
                            send_resolved: true
                            http_config:
                              authorization:
                                type: Bearer
                                credentials: %s
                    """.formatted(appAddress, integration)), "--storage.path=" + work.resolve("alertmanager-data"),
                    "--web.listen-address=127.0.0.1:" + alertmanagerPort, "--cluster.listen-address="));
            write(work, "rules.yml", """
                    groups:
                      - name: sitroom-it
                        interval: 1s
                        rules:
                          - alert: SocketOpenOnSitroom
                            expr: sitroom_connections_open{job="sitroom"} > 0
                            labels: {severity: critical, team: platform}
                            annotations: {summary: "A socket is open on Sitroom", description: "Fires while a WebSocket is open."}
                          - alert: Watchdog
                            expr: vector(1)
                            labels: {severity: none, team: platform}
                            annotations: {summary: "Watchdog: the alerting pipeline works"}
                    """);
            peers.add(start(work, "prometheus", PROMETHEUS, "--config.file=" + write(work, "prometheus.yml", """
                    global: {scrape_interval: 1s, evaluation_interval: 1s}
                    rule_files: [rules.yml]
                    alerting:
                      alertmanagers:
                        - static_configs: [{targets: ["127.0.0.1:%d"]}]
                    scrape_configs:
                      - job_name: sitroom
                        metrics_path: /q/metrics
                        authorization: {type: Bearer, credentials: %s}
                        static_configs: [{targets: ["%s"]}]
                    """.formatted(alertmanagerPort, METRICS_TOKEN, appAddress)), "--storage.tsdb.path=" + work.resolve("prometheus-data"),
                    "--web.listen-address=127.0.0.1:" + prometheusPort,
                    // An alert sent before Prometheus has found Alertmanager is dropped and sent again only
                    // after this delay (1 minute by default): the IT waited most of its time for that.
                    "--rules.alert.resend-delay=1s"));

            // One room for the group, holding both alerts; the Watchdog's unknown severity loses nothing.
            String room = await("a room opened by the alert group", () -> app.as(admin).get("/api/rooms").then().statusCode(200).extract()
                    .jsonPath().<Map<String, Object>> getList("").stream().filter(r -> !probe.equals(r.get("id"))).map(r -> (String) r.get("id"))
                    .findFirst().orElse(null));
            JsonPath alerts = await("both alerts in the room",
                    () -> roomAlerts(app, admin, room).getList("").size() == 2 ? roomAlerts(app, admin, room) : null);
            assertEquals("critical", alerts.getString("find { it.labels.alertname == 'SocketOpenOnSitroom' }.severityLabel"));
            assertEquals("none", alerts.getString("find { it.labels.alertname == 'Watchdog' }.severityLabel"));
            assertEquals("SEV1", app.as(admin).get("/api/rooms/" + room).then().extract().path("severity"), "the worst of the group");
            assertEquals(1, app.as(admin).get("/api/rooms").then().extract().jsonPath().getList("").size() - 1, "one room for the group");

            // Resends: Alertmanager repeats the group every few seconds; they are counted, not appended.
            long alertEvents = alertEvents(app, admin, room).size();
            assertEquals(2, alertEvents, "one event per alert");
            int received = alerts.getInt("find { it.labels.alertname == 'Watchdog' }.received");
            await("three more resends counted", () -> roomAlerts(app, admin, room)
                    .getInt("find { it.labels.alertname == 'Watchdog' }.received") >= received + 3 ? true : null);
            assertEquals(alertEvents, alertEvents(app, admin, room).size(), "resends append nothing");

            // Resolution: the socket closes, the rule stops firing, Alertmanager sends it resolved.
            socket.close();
            await("the alert resolved in its room", () -> "resolved".equals(roomAlerts(app, admin, room)
                    .getString("find { it.labels.alertname == 'SocketOpenOnSitroom' }.status")) ? true : null);
            assertEquals(List.of("alert.received", "alert.received", "alert.resolved"), alertEvents(app, admin, room));
            assertEquals("firing", roomAlerts(app, admin, room).getString("find { it.labels.alertname == 'Watchdog' }.status"));

            // Prometheus read every scrape (it asks for OpenMetrics); promtool accepts the text format.
            JsonPath target = given().baseUri("http://127.0.0.1:" + prometheusPort).get("/api/v1/targets").then().statusCode(200).extract()
                    .jsonPath();
            assertEquals("up", target.getString("data.activeTargets[0].health"), target.prettify());
            assertEquals("", target.getString("data.activeTargets[0].lastError"));
            for (int i = 0; i < 10; i++) {
                given().baseUri(app.baseUrl()).get("/no-such-page-" + UUID.randomUUID());
            }
            String metrics = given().baseUri(app.baseUrl()).auth().oauth2(METRICS_TOKEN).accept("text/plain").get("/q/metrics").then()
                    .statusCode(200).extract().asString();
            Process promtool = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics").redirectErrorStream(true).start();
            promtool.getOutputStream().write(metrics.getBytes(StandardCharsets.UTF_8));
            promtool.getOutputStream().close();
            String findings = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, promtool.waitFor(), "promtool check metrics: " + findings);
            Matcher uri = Pattern.compile("uri=\"([^\"]*)\"").matcher(metrics);
            while (uri.find()) {
                assertTrue(!uri.group(1).contains("no-such-page"), "a path nobody routes is no label value of its own: " + uri.group(1));
            }
            assertTrue(metrics.contains("sitroom_alerts_received_total{outcome=\"unchanged\""), "resends are counted");
        } finally {
            for (Process peer : peers) {
                peer.destroy();
            }
            for (Process peer : peers) {
                if (!peer.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    peer.destroyForcibly().waitFor();
                }
            }
        }
    }

    private static JsonPath roomAlerts(AppProcess app, String token, String room) {
        return app.as(token).get("/api/rooms/" + room + "/alerts").then().statusCode(200).extract().jsonPath();
    }

    private static List<String> alertEvents(AppProcess app, String token, String room) {
        return app.as(token).get("/api/rooms/" + room + "/events?limit=1000").then().statusCode(200).extract().jsonPath()
                .<String> getList("events.kind").stream().filter(kind -> kind.startsWith("alert.")).toList();
    }

    private static <T> T await(String what, Supplier<T> probe) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            T found = probe.get();
            if (found != null) {
                System.out.printf("AlertmanagerIT: %s after %d ms%n", what, Duration.ofNanos(System.nanoTime() - start).toMillis());
                return found;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("waited " + PATIENCE.toSeconds() + " s for " + what);
    }

    private static Process start(Path work, String name, Path binary, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(binary.toString()));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve(name + ".log").toFile()).start();
    }

    private static String write(Path work, String name, String text) throws IOException {
        return Files.writeString(work.resolve(name), text).toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
