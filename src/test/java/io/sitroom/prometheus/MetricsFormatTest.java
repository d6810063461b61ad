package io.sitroom.prometheus;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;

/**
 * What Prometheus scrapes: both exposition formats pass Prometheus' own checker, and requests to
 * paths nobody routes do not each become a series of their own.
 */
@QuarkusTest
class MetricsFormatTest {

    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");
    /** What Prometheus 2.42 asks for when it scrapes. */
    private static final String PROMETHEUS_ACCEPTS = "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,"
            + "text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

    @Test
    void theTextFormat_passesPromtool() throws Exception {
        Response answer = withASocketOpen(() -> given().accept("text/plain").get("/q/metrics"));
        assertEquals(200, answer.statusCode());
        assertTrue(answer.contentType().startsWith("text/plain"), answer.contentType());
        promtoolAccepts(answer.asString());
    }

    @Test
    void theOpenMetricsFormat_passesPromtool_whenAskedForByVersion() throws Exception {
        for (String accept : new String[] { "application/openmetrics-text; version=1.0.0", PROMETHEUS_ACCEPTS }) {
            Response answer = withASocketOpen(() -> given().accept(accept).get("/q/metrics"));
            assertEquals(200, answer.statusCode(), accept + ": " + answer.asString());
            assertTrue(answer.contentType().startsWith("application/openmetrics-text"), answer.contentType());
            assertTrue(answer.asString().strip().endsWith("# EOF"));
            String findings = promtool(answer.asString());
            // promtool 2.42 reads OpenMetrics with the text format's parser: it parses, but a counter's
            // HELP names its family (x) and its sample is x_total, so it finds "x_total no help text"
            // for every counter. Anything else (a parse error above all) is a real finding.
            findings.lines().forEach(finding -> assertTrue(finding.matches("[a-z_]+_total no help text"), "promtool: " + findings));
        }
    }

    @Test
    void pathsNobodyRoutes_shareOneUriValue() {
        User someone = Api.newUser("Uri");
        for (int i = 0; i < 12; i++) {
            given().get("/no-such-page-" + UUID.randomUUID());
            given().get("/api/no-such-resource-" + UUID.randomUUID());
            someone.as().get("/api/rooms/" + UUID.randomUUID()).then().statusCode(404);
        }
        Set<String> uris = new TreeSet<>();
        Matcher uri = Pattern.compile("http_server_requests_seconds_count\\{[^}]*uri=\"([^\"]*)\"").matcher(given().accept("text/plain")
                .get("/q/metrics").asString());
        while (uri.find()) {
            uris.add(uri.group(1));
        }
        assertTrue(uris.stream().noneMatch(u -> u.contains("no-such")), "no raw unknown path is a label value: " + uris);
        assertTrue(uris.contains("/api/rooms/{id}"), "a routed path keeps its template: " + uris);
    }

    /** Scrapes while a room's socket is open and has carried a command: the meters of every kind are registered then. */
    private static Response withASocketOpen(java.util.function.Supplier<Response> scrape) {
        User ines = Api.newUser("Ines");
        UUID room = Api.newIncident(ines, "Metrics");
        io.sitroom.testing.WsClient socket = io.sitroom.testing.WsClient.connect(ines, room, null);
        try {
            socket.next("welcome");
            socket.command("c-1", "note.add", java.util.Map.of("text", "a note"));
            socket.nextMatching(frame -> "result".equals(frame.path("type").asText()));
            return scrape.get();
        } finally {
            socket.close();
        }
    }

    private static void promtoolAccepts(String exposition) throws IOException, InterruptedException {
        assertEquals("", promtool(exposition), "promtool check metrics found something");
    }

    /** Runs Prometheus' checker (Debian's prometheus package; CI installs it) over an exposition: what it found. */
    private static String promtool(String exposition) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(PROMTOOL) || System.getenv("SITROOM_REAL_PEERS") != null,
                "promtool is not installed (apt-get install prometheus); CI runs this with it");
        Path file = Files.createTempFile("metrics", ".txt");
        try {
            Files.writeString(file, exposition);
            Process check = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics").redirectInput(file.toFile())
                    .redirectErrorStream(true).start();
            String said = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = check.waitFor();
            // Exit 3: lint findings, listed; 1: the exposition did not parse.
            assertTrue(exit == 0 || exit == 3, "promtool check metrics could not read it: " + said);
            return said.strip();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
