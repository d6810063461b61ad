package io.sitroom.subscriber;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.sitroom.mail.MailSender;
import io.sitroom.mail.Mailboxes;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;

/**
 * Status page subscribers through the public surface: the page's plain form, the mailed links, one-click
 * unsubscribe, and what the mock mailbox holds: exactly what the page shows, nothing else.
 */
@QuarkusTest
class SubscriberTest {

    @Inject
    MockMailbox mailbox;
    @Inject
    MailSender sender;
    @Inject
    SubscriberMailer subscribers;

    /** An incident with an IC, a comms approver and legal (as StatusPageTest has it). */
    private record Incident(UUID room, User ic, User comms, User legal) {
        static Incident open(String title) {
            User ic = Api.newUser("Ines");
            User comms = Api.newUser("Cora");
            User legal = Api.newUser("Lea");
            UUID room = Api.newIncident(ic, title);
            Api.addMember(ic, room, comms, "comms_approver");
            Api.addMember(ic, room, legal, "legal");
            return new Incident(room, ic, comms, legal);
        }

        String draft(String title, String body) {
            long seq = Api.accepted(comms, room, "statement.draft", Map.of("title", title, "body", body, "channel", "status-page"));
            return Api.events(ic, room, "statement.drafted").stream().filter(e -> ((Number) e.get("seq")).longValue() == seq).findFirst()
                    .map(e -> (String) ((Map<?, ?>) e.get("data")).get("statementId")).orElseThrow();
        }

        String approve(String title, String body) {
            String id = draft(title, body);
            Api.accepted(comms, room, "statement.approve", Map.of("statementId", id));
            Api.accepted(legal, room, "statement.approve", Map.of("statementId", id));
            return id;
        }

        void publish(String title, String body) {
            Api.accepted(comms, room, "statement.publish", Map.of("statementId", approve(title, body)));
        }
    }

    /** The mails to an address that speak of this test's rooms (other tests' public rooms are mailed to every subscriber too). */
    private List<Mail> about(String address, String tag) {
        return Mailboxes.to(mailbox, address).stream().filter(m -> m.getText().contains(tag) || m.getSubject().contains(tag)).toList();
    }

    /** What the scheduler would do (it is off in tests): expands every notice, then sends until the outbox has nothing due. */
    private void deliver() {
        subscribers.mailDue();
        while (sender.sendDue() > 0) {
            // the other test classes' public rooms may have queued more than one pass sends
        }
    }

    private String subscribeAndConfirm(String address) {
        given().contentType(ContentType.URLENC).formParam("email", address).post("/status/subscribe").then().statusCode(202)
                .body(containsString("If this address can receive mail"));
        sender.sendDue();
        List<Mail> mails = Mailboxes.to(mailbox, address);
        assertEquals(1, mails.size(), "one confirmation mail");
        String token = Mailboxes.token(mails.get(0));
        given().get("/status/confirm?token=" + token).then().statusCode(200).body(containsString("<form method=\"post\""));
        given().contentType(ContentType.URLENC).formParam("token", token).post("/status/confirm").then().statusCode(200)
                .body(containsString("You are subscribed"));
        return token;
    }

    @Test
    void subscribers_areMailedExactlyWhatThePageShows() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String address = Mailboxes.address("reader");
        subscribeAndConfirm(address);

        Incident incident = Incident.open("Internal title " + tag);
        incident.publish("Before public " + tag, "Published while private " + tag);
        incident.draft("Draft " + tag, "Draft only " + tag);
        incident.approve("Approved " + tag, "Approved but unpublished " + tag);
        Api.accepted(incident.ic(), incident.room(), "note.add", Map.of("text", "Legal note " + tag, "visibleTo", List.of("legal")));
        Incident secret = Incident.open("Secret room " + tag);
        secret.publish("Secret " + tag, "Private room statement " + tag);
        deliver();
        assertEquals(List.of(), about(address, tag), "nothing while no room is public");

        Api.accepted(incident.ic(), incident.room(), "room.public", Map.of());
        incident.publish("Login outage " + tag, "We are investigating " + tag);
        Api.accepted(incident.ic(), incident.room(), "room.phase", Map.of("phase", "closed"));
        deliver();

        List<Mail> mails = about(address, tag);
        assertEquals(3, mails.size(), "the statement already published when the room became public, the new one, and the resolution");
        assertTrue(mails.stream().anyMatch(m -> m.getText().contains("Published while private " + tag)));
        assertTrue(mails.stream().anyMatch(m -> m.getText().contains("We are investigating " + tag)));
        Mail resolved = mails.stream().filter(m -> m.getText().contains("This incident has been resolved.")).findFirst().orElseThrow();
        assertEquals("[Service status] Resolved: Login outage " + tag, resolved.getSubject());
        for (Mail mail : mails) {
            for (String part : List.of(mail.getSubject(), mail.getText(), mail.getHtml())) {
                for (String hidden : List.of("Internal title", "Draft only", "Approved but unpublished", "Legal note", "Private room statement",
                        "Secret room")) {
                    assertFalse(part.contains(hidden + " " + tag), hidden + " never reaches a subscriber");
                }
            }
            String unsubscribe = mail.getHeaders().get("List-Unsubscribe").get(0);
            assertTrue(unsubscribe.matches("<http://localhost:8080/status/unsubscribe\\?token=[A-Za-z0-9_-]{43}>"), unsubscribe);
            assertEquals(List.of("List-Unsubscribe=One-Click"), mail.getHeaders().get("List-Unsubscribe-Post"));
            assertTrue(mail.getHtml().contains("Unsubscribe") && mail.getText().contains("Unsubscribe: "), "both parts carry the link");
        }
    }

    @Test
    void oneClickUnsubscribe_stopsTheMail_atOnce() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String address = Mailboxes.address("leaver");
        subscribeAndConfirm(address);
        Incident incident = Incident.open("Room " + tag);
        Api.accepted(incident.ic(), incident.room(), "room.public", Map.of());
        incident.publish("First " + tag, "First update " + tag);
        deliver();
        List<Mail> mails = about(address, tag);
        assertEquals(1, mails.size());
        String header = mails.get(0).getHeaders().get("List-Unsubscribe").get(0);
        String path = header.substring("<http://localhost:8080".length(), header.length() - 1);

        // RFC 8058: the mail client POSTs this body to the address, without cookies; no page, no further question.
        given().contentType(ContentType.URLENC).formParam("List-Unsubscribe", "One-Click").post(path).then().statusCode(200);
        incident.publish("Second " + tag, "Second update " + tag);
        String sentinel = Mailboxes.address("sentinel");
        subscribeAndConfirm(sentinel);
        incident.publish("Third " + tag, "Third update " + tag);
        deliver();
        assertTrue(Mailboxes.to(mailbox, sentinel).stream().anyMatch(m -> m.getText().contains("Third update " + tag)), "the sentinel arrived");
        assertEquals(1, about(address, tag).size(), "nothing after unsubscribing");
    }

    @Test
    void subscribing_answersTheSame_whateverTheAddress_andMailsNoSecondLinkSoon() {
        String address = Mailboxes.address("known");
        subscribeAndConfirm(address);
        String fresh = Mailboxes.address("fresh");
        for (String each : List.of(address, fresh, fresh)) {
            given().contentType(ContentType.JSON).body(Map.of("email", each)).post("/status/subscribe").then().statusCode(202)
                    .body("status", org.hamcrest.Matchers.equalTo("pending"));
        }
        sender.sendDue();
        assertEquals(1, Mailboxes.to(mailbox, address).stream().filter(m -> m.getSubject().startsWith("Confirm")).count(),
                "a subscribed address is not sent another link");
        assertEquals(1, Mailboxes.to(mailbox, fresh).size(), "one link, however often the address is entered");
    }

    @Test
    void subscribing_isLimitedPerClientAddress() {
        String client = "203.0.113." + (1 + new java.util.Random().nextInt(250));
        int accepted = 0;
        int limited = 0;
        for (int i = 0; i < 25; i++) {
            int status = given().header("X-Forwarded-For", client).contentType(ContentType.URLENC)
                    .formParam("email", Mailboxes.address("bomb")).post("/status/subscribe").then().extract().statusCode();
            if (status == 202) {
                accepted++;
            } else if (status == 429) {
                limited++;
            }
        }
        assertEquals(20, accepted);
        assertEquals(5, limited);
    }

    @Test
    void badInput_isAClearRefusal() {
        given().contentType(ContentType.URLENC).formParam("email", "not an address").post("/status/subscribe").then().statusCode(400)
                .contentType(containsString("text/html"));
        given().contentType(ContentType.JSON).body(Map.of("email", "a@b")).post("/status/subscribe").then().statusCode(400)
                .body("error.code", org.hamcrest.Matchers.equalTo("invalid"));
        given().contentType(ContentType.URLENC).formParam("token", "junk").post("/status/confirm").then().statusCode(200)
                .body(containsString("not valid any more"));
    }

    @Test
    void statusPage_hasAPlainSubscribeForm() {
        given().get("/status").then().statusCode(200).body(containsString("<form method=\"post\" action=\"/status/subscribe\">"))
                .body(containsString("name=\"email\""));
    }
}
