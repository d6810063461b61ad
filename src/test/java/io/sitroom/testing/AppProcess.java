package io.sitroom.testing;

import static io.restassured.RestAssured.given;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The packaged app (a PostgreSQL app) as a separate process, for tests of what only a process
 * shows: a restart, a kill. Uses the database {@code sitroom_it}, emptied first.
 */
public final class AppProcess implements AutoCloseable {

    public static final String DB_URL = System.getProperty("sitroom.it.db-url", "jdbc:postgresql://127.0.0.1:5432/sitroom_it");
    public static final String ADMIN_PASSWORD = "it-admin-password-1";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;
    private final Path log;
    private final Map<String, String> settings;
    private Process process;
    private Path workingDirectory;

    public AppProcess() throws IOException {
        this(Map.of());
    }

    /** With extra environment settings, e.g. {@code SITROOM_CLUSTER_POLL_INTERVAL=1s}. */
    public AppProcess(Map<String, String> settings) throws IOException {
        this.settings = Map.copyOf(settings);
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
        this.log = Files.createTempFile("sitroom-it-", ".log");
    }

    /** Starts the process in another folder than this build's (as a user would, from anywhere). */
    public AppProcess in(Path directory) {
        this.workingDirectory = directory;
        return this;
    }

    /** Drops every table of the test database, so the app starts on an empty one. */
    public static void emptyDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection(DB_URL, "sitroom", "sitroom"); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA public CASCADE");
            s.execute("CREATE SCHEMA public");
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** A REST request to this process on behalf of the holder of {@code token}. */
    public RequestSpecification as(String token) {
        return given().baseUri(baseUrl()).auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** Signs in on this process; returns the bearer token. */
    public String login(String username, String password) {
        return given().baseUri(baseUrl()).contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .post("/api/auth/login").then().statusCode(200).extract().path("token");
    }

    /** The WebSocket address of a room on this process, with an optional query ({@code since=5}). */
    public URI roomSocket(String roomId, String query) {
        return URI.create(baseUrl().replace("http:", "ws:") + "/ws/rooms/" + roomId + (query == null ? "" : "?" + query));
    }

    public void start() throws Exception {
        String jar = System.getProperty("sitroom.it.jar", "target/quarkus-app/quarkus-run.jar");
        List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java", "-Xmx512m"));
        // More JVM options for the app, e.g. a profiler's agent (docs/benchmarks.md, "A reconnect storm"): never set in CI.
        String more = System.getenv("SITROOM_IT_JAVA_OPTS");
        if (more != null && !more.isBlank()) {
            command.addAll(List.of(more.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", new File(jar).getAbsolutePath()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("SITROOM_DB_URL", DB_URL);
        env.put("SITROOM_DB_USER", "sitroom");
        env.put("SITROOM_DB_PASSWORD", "sitroom");
        env.put("SITROOM_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("SITROOM_EVIDENCE_KEY", "it-only-evidence-secret-of-32-characters-or-more");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("SITROOM_WEBHOOKS_ALLOWED_HOSTS", "127.0.0.1"); // the tests' receivers run on this machine
        env.put("SITROOM_PUBLIC_URL", baseUrl()); // links in mails point at this process
        // The shipped scenarios are in the jar; the tests' own come from their folder.
        env.put("SITROOM_SCENARIOS_DIRS", new File("src/test/resources/test-scenarios").getAbsolutePath());
        env.putAll(settings);
        if (workingDirectory != null) {
            builder.directory(workingDirectory.toFile());
        }
        process = builder.start();
        // A loaded machine (CI shared with others) may take minutes to start a JVM: -Dsitroom.it.start-timeout=300 raises it.
        long deadline = System.nanoTime() + Duration.ofSeconds(Long.getLong("sitroom.it.start-timeout", 90)).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app exited at start:\n" + Files.readString(log));
            }
            try {
                HttpResponse<Void> ready = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the app did not become ready:\n" + Files.readString(log));
    }

    /** Stops the process as an orchestrator does (SIGTERM: it drains) and waits for it to exit; returns how long that took. */
    public Duration terminate() throws InterruptedException {
        long start = System.nanoTime();
        process.destroy();
        if (!process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new IllegalStateException("the app did not stop within 120 s of SIGTERM");
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Whether the process is running. */
    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Kills the process at once (SIGKILL): no shutdown hooks, no goodbye. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }
}
