package io.sitroom.mail;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;
import io.sitroom.testing.AppProcess;

/**
 * Mail with the real thing: the packaged app sends through Debian's aiosmtpd ({@code python3 -m aiosmtpd}, its
 * Maildir handler writing each message it accepts to a folder), and the test reads what arrived: account
 * confirmations, a member's notification, a subscriber's confirmation and status update with its
 * List-Unsubscribe headers, each with a plain-text and an HTML part. Every process it starts is stopped at the end.
 */
class MailIT {

    /** Debian's interpreter, where python3-aiosmtpd installs (not whichever python3 is first on the PATH). */
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]{43})");

    /** One message as Python's email package reads it: headers decoded, each part's text decoded. */
    private record Message(String to, String subject, String listUnsubscribe, String listUnsubscribePost, String text, String html) {
    }

    @Test
    void notificationsAndSubscriberMail_arriveAtARealSmtpServer_inTextAndHtml() throws Exception {
        boolean installed = Files.isExecutable(PYTHON) && new ProcessBuilder(PYTHON.toString(), "-c", "import aiosmtpd").start().waitFor() == 0;
        assumeTrue(installed || System.getenv("SITROOM_REAL_PEERS") != null,
                "aiosmtpd is not installed (apt-get install python3-aiosmtpd); CI runs this with it");
        AppProcess.emptyDatabase();
        Path maildir = Files.createTempDirectory("sitroom-mail-it");
        int smtpPort = freePort();
        Process smtp = new ProcessBuilder(PYTHON.toString(), "-m", "aiosmtpd", "-n", "-l", "127.0.0.1:" + smtpPort, "-c",
                "aiosmtpd.handlers.Mailbox", maildir.resolve("box").toString()).redirectErrorStream(true)
                .redirectOutput(maildir.resolve("smtp.log").toFile()).start();
        try {
            waitForPort(smtpPort, smtp);
            Map<String, String> settings = Map.ofEntries(Map.entry("SITROOM_MAIL_ENABLED", "true"),
                    Map.entry("QUARKUS_MAILER_HOST", "127.0.0.1"), Map.entry("QUARKUS_MAILER_PORT", Integer.toString(smtpPort)),
                    Map.entry("QUARKUS_MAILER_START_TLS", "DISABLED"), Map.entry("SITROOM_MAIL_FROM", "Sitroom IT <sitroom@example.org>"),
                    Map.entry("SITROOM_MAIL_POLL_INTERVAL", "1s"), Map.entry("SITROOM_NOTIFICATIONS_POLL_INTERVAL", "1s"),
                    Map.entry("SITROOM_NOTIFICATIONS_BATCH_WINDOW", "2s"), Map.entry("SITROOM_SUBSCRIBERS_POLL_INTERVAL", "1s"),
                    Map.entry("SITROOM_SECURITY_BCRYPT_COST", "4"));
            try (AppProcess app = new AppProcess(settings)) {
                app.start();
                String admin = app.login("admin", AppProcess.ADMIN_PASSWORD);
                Account icAccount = account(app, admin, "ines");
                Account commsAccount = account(app, admin, "cora");
                Account legalAccount = account(app, admin, "lea");
                String ic = icAccount.token();
                String comms = commsAccount.token();
                String legal = legalAccount.token();
                String legalId = legalAccount.id();
                for (Map.Entry<String, String> person : Map.of(ic, "ines@example.org", comms, "cora@example.org", legal, "lea@example.org")
                        .entrySet()) {
                    app.as(person.getKey()).body(Map.of("email", person.getValue())).put("/api/account/email").then().statusCode(200);
                    Message confirmation = await(maildir, m -> m.to().contains(person.getValue()) && m.subject().startsWith("Confirm"));
                    String token = token(confirmation.text());
                    assertTrue(confirmation.html().contains("/api/account/email/confirm?token=" + token), confirmation.html());
                    given().baseUri(app.baseUrl()).contentType(ContentType.URLENC).formParam("token", token)
                            .post("/api/account/email/confirm").then().statusCode(200);
                    assertEquals(true, app.as(person.getKey()).get("/api/account/email").then().extract().path("verified"));
                }

                String room = app.as(ic).body(Map.of("kind", "INCIDENT", "title", "Mail IT", "severity", "SEV2")).post("/api/rooms").then()
                        .statusCode(201).extract().path("id");
                String commsId = commsAccount.id();
                app.as(ic).body(Map.of("userId", commsId, "roles", List.of("comms_approver"))).post("/api/rooms/" + room + "/members").then()
                        .statusCode(201);
                app.as(ic).body(Map.of("userId", legalId, "roles", List.of("legal"))).post("/api/rooms/" + room + "/members").then()
                        .statusCode(201);
                command(app, ic, room, "action.create", Map.of("title", "Preserve the logs", "ownerId", legalId));

                Message notification = await(maildir, m -> m.to().contains("lea@example.org") && m.text().contains("Preserve the logs"));
                assertTrue(notification.text().contains("Action assigned to you: “Preserve the logs”"), notification.text());
                assertTrue(notification.html().contains("Action assigned to you: “Preserve the logs”"), "both parts carry the notification");
                assertTrue(notification.subject().contains("Mail IT"), notification.subject());
                assertTrue(notification.text().contains(app.baseUrl() + "/rooms/" + room), notification.text());

                // A subscriber, through the status page's plain form.
                given().baseUri(app.baseUrl()).contentType(ContentType.URLENC).formParam("email", "reader@example.net").post("/status/subscribe")
                        .then().statusCode(202);
                Message subscribe = await(maildir, m -> m.to().contains("reader@example.net"));
                given().baseUri(app.baseUrl()).contentType(ContentType.URLENC).formParam("token", token(subscribe.text()))
                        .post("/status/confirm").then().statusCode(200);

                command(app, ic, room, "room.public", Map.of());
                publish(app, ic, comms, legal, room, "Login outage", "Some customers cannot sign in. We are on it.");

                Message update = await(maildir, m -> m.to().contains("reader@example.net") && m.subject().contains("Login outage"));
                assertEquals("[Service status] Login outage", update.subject());
                assertTrue(update.text().contains("Some customers cannot sign in.") && update.html().contains("Some customers cannot sign in."));
                assertNotNull(update.listUnsubscribe());
                Matcher link = Pattern.compile("<(" + Pattern.quote(app.baseUrl()) + "/status/unsubscribe\\?token=[A-Za-z0-9_-]{43})>")
                        .matcher(update.listUnsubscribe());
                assertTrue(link.matches(), update.listUnsubscribe());
                assertEquals("List-Unsubscribe=One-Click", update.listUnsubscribePost());

                // RFC 8058's one-click POST, as a mail provider sends it.
                given().contentType(ContentType.URLENC).formParam("List-Unsubscribe", "One-Click").post(link.group(1)).then().statusCode(200);
                // A second subscriber is the sentinel: what it gets after the unsubscribe, the first would have got too.
                given().baseUri(app.baseUrl()).contentType(ContentType.URLENC).formParam("email", "sentinel@example.net")
                        .post("/status/subscribe").then().statusCode(202);
                given().baseUri(app.baseUrl()).contentType(ContentType.URLENC)
                        .formParam("token", token(await(maildir, m -> m.to().contains("sentinel@example.net")).text())).post("/status/confirm")
                        .then().statusCode(200);
                command(app, ic, room, "room.phase", Map.of("phase", "post_incident"));
                Message resolved = await(maildir, m -> m.to().contains("sentinel@example.net") && m.subject().contains("Resolved"));
                assertEquals("[Service status] Resolved: Login outage", resolved.subject());
                // Mail goes out in the order it was queued: once a later one reached the sentinel, the resolution was
                // sent to every subscriber it was queued for.
                publish(app, ic, comms, legal, room, "All clear", "Everyone can sign in again.");
                await(maildir, m -> m.to().contains("sentinel@example.net") && m.subject().contains("All clear"));
                assertEquals(1, read(maildir).stream().filter(m -> m.to().contains("reader@example.net") && !m.subject().startsWith("Confirm"))
                        .count(), "nothing is mailed after unsubscribing");
            }
        } finally {
            smtp.destroy();
            smtp.waitFor();
        }
    }

    private record Account(String id, String token) {
    }

    private static Account account(AppProcess app, String admin, String username) {
        String password = "password-of-" + username;
        String id = app.as(admin).body(Map.of("username", username, "displayName", username, "password", password)).post("/api/users").then()
                .statusCode(201).extract().path("id");
        return new Account(id, app.login(username, password));
    }

    private static long command(AppProcess app, String token, String room, String name, Map<String, ?> data) {
        return app.as(token).body(Map.of("commandId", "c-" + UUID.randomUUID(), "name", name, "data", data)).post("/api/rooms/" + room + "/commands")
                .then().statusCode(200).extract().<Number> path("seq").longValue();
    }

    /** Drafts, approves (comms and legal) and publishes a statement. */
    private static void publish(AppProcess app, String ic, String comms, String legal, String room, String title, String body) {
        long drafted = command(app, comms, room, "statement.draft", Map.of("title", title, "body", body, "channel", "status-page"));
        String statementId = app.as(ic).get("/api/rooms/" + room + "/events?limit=1000").then().extract().jsonPath()
                .getString("events.find { it.seq == " + drafted + " }.data.statementId");
        command(app, comms, room, "statement.approve", Map.of("statementId", statementId));
        command(app, legal, room, "statement.approve", Map.of("statementId", statementId));
        command(app, comms, room, "statement.publish", Map.of("statementId", statementId));
    }

    private static String token(String text) {
        Matcher matcher = TOKEN.matcher(text);
        assertTrue(matcher.find(), text);
        return matcher.group(1);
    }

    private static Message await(Path maildir, Predicate<Message> wanted) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Message> found = read(maildir).stream().filter(wanted).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no such mail arrived; these did: " + read(maildir));
    }

    /** Every message in the Maildir, read by Python's email package (headers decoded, parts decoded). */
    private static List<Message> read(Path maildir) throws Exception {
        String script = """
                import json, mailbox, sys
                from email import policy
                from email.parser import BytesParser
                out = []
                box = mailbox.Maildir(sys.argv[1], factory=None, create=False)
                for key in box.keys():
                    with box.get_file(key) as f:
                        m = BytesParser(policy=policy.default).parse(f)
                    text = m.get_body(preferencelist=('plain',))
                    html = m.get_body(preferencelist=('html',))
                    out.append({'to': str(m['To'] or ''), 'subject': str(m['Subject'] or ''),
                                'listUnsubscribe': m['List-Unsubscribe'] and str(m['List-Unsubscribe']),
                                'listUnsubscribePost': m['List-Unsubscribe-Post'] and str(m['List-Unsubscribe-Post']),
                                'text': text.get_content() if text is not None else '', 'html': html.get_content() if html is not None else ''})
                print(json.dumps(out))
                """;
        Path box = maildir.resolve("box");
        if (!Files.isDirectory(box.resolve("new")) && !Files.isDirectory(box.resolve("cur"))) {
            return List.of();
        }
        Process reader = new ProcessBuilder(PYTHON.toString(), "-c", script, box.toString()).redirectErrorStream(false).start();
        String output = new String(reader.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String errors = new String(reader.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, reader.waitFor(), errors);
        List<Message> messages = new ArrayList<>();
        for (JsonNode m : JSON.readTree(output)) {
            messages.add(new Message(m.path("to").asText(), m.path("subject").asText(), m.path("listUnsubscribe").isNull() ? null
                    : m.path("listUnsubscribe").asText(), m.path("listUnsubscribePost").isNull() ? null : m.path("listUnsubscribePost").asText(),
                    m.path("text").asText(), m.path("html").asText()));
        }
        return messages;
    }

    private static void waitForPort(int port, Process process) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("aiosmtpd exited at start");
            }
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("aiosmtpd did not listen on " + port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
