package io.sitroom.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.sitroom.clock.MutableClock;
import io.sitroom.mail.MailSender;
import io.sitroom.mail.Mailboxes;
import io.sitroom.room.Timers;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;

/**
 * Member notifications by e-mail, through the public surface: commands and timers in a room, then what the mock
 * mailbox holds for each person once their batch window has passed.
 */
@QuarkusTest
class NotificationMailTest {

    @Inject
    MockMailbox mailbox;
    @Inject
    MailSender sender;
    @Inject
    NotificationMailer notifications;
    @Inject
    MutableClock clock;
    @Inject
    Timers timers;

    private record Person(User user, String address) {
    }

    private Person person(String name) {
        User user = Api.newUser(name);
        String address = Mailboxes.address(name);
        Mailboxes.verify(user, address, mailbox, sender);
        return new Person(user, address);
    }

    /** Lets every batch window pass, then queues and sends what is due. */
    private void deliver() {
        clock.advance(Duration.ofMinutes(3));
        notifications.mailDue();
        sender.sendDue();
    }

    /** The notification mails (not the confirmation) an address received. */
    private List<Mail> notificationsTo(Person person) {
        return Mailboxes.to(mailbox, person.address()).stream().filter(m -> !m.getSubject().startsWith("Confirm")).toList();
    }

    @Test
    void ackRequest_aboutALegalOnlyNote_mailsTheNoteToLegal_andOnlyItsNumberToTheExecutive() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Person ic = person("Ida");
        Person legal = person("Lena");
        Person executive = person("Emil");
        UUID room = Api.newIncident(ic.user(), "Ack room " + tag);
        Api.addMember(ic.user(), room, legal.user(), "legal");
        Api.addMember(ic.user(), room, executive.user(), "executive");
        long note = Api.accepted(ic.user(), room, "note.add", Map.of("text", "Privileged advice " + tag, "visibleTo", List.of("legal")));
        Api.accepted(ic.user(), room, "ack.request", Map.of("about", note, "roles", List.of("legal", "executive")));

        deliver();

        List<Mail> toLegal = notificationsTo(legal);
        assertEquals(1, toLegal.size());
        assertTrue(toLegal.get(0).getText().contains("Privileged advice " + tag), toLegal.get(0).getText());
        assertTrue(toLegal.get(0).getHtml().contains("Privileged advice " + tag));
        List<Mail> toExecutive = notificationsTo(executive);
        assertEquals(1, toExecutive.size(), "the executive is asked to acknowledge too");
        Mail mail = toExecutive.get(0);
        assertTrue(mail.getText().contains("event #" + note), mail.getText());
        for (String part : List.of(mail.getSubject(), mail.getText(), mail.getHtml())) {
            assertFalse(part.contains("Privileged advice"), "nothing of the legal note reaches the executive: " + part);
        }
        assertTrue(notificationsTo(ic).isEmpty(), "the IC asked, and is asked nothing (nor told what they did themselves)");
    }

    @Test
    void notificationsWithinTheWindow_goOutAsOneMail_inTextAndHtml() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Person ic = person("Ivo");
        Person engineer = person("Enya");
        UUID room = Api.newIncident(ic.user(), "Batch room " + tag);
        Api.addMember(ic.user(), room, engineer.user(), "observer");
        Api.accepted(ic.user(), room, "role.assign", Map.of("userId", engineer.user().id().toString(), "role", "containment_lead"));
        Api.accepted(ic.user(), room, "action.create", Map.of("title", "Rotate keys " + tag, "ownerId", engineer.user().id().toString()));

        clock.advance(Duration.ofSeconds(30));
        notifications.mailDue();
        sender.sendDue();
        assertTrue(notificationsTo(engineer).isEmpty(), "inside the batch window nothing is mailed yet");

        deliver();
        List<Mail> mails = notificationsTo(engineer);
        assertEquals(1, mails.size(), "both notifications in one mail");
        Mail mail = mails.get(0);
        assertEquals("Sitroom: 3 notifications in Batch room " + tag, mail.getSubject());
        for (String part : List.of(mail.getText(), mail.getHtml())) {
            assertTrue(part.contains("You were added to the room as observer by Ivo"), part);
            assertTrue(part.contains("containment_lead") && part.contains("Rotate keys " + tag), part);
            assertTrue(part.contains("/rooms/" + room), part);
        }
        assertTrue(mail.getHtml().contains("<li>"), "the HTML part is HTML");

        deliver();
        assertEquals(1, notificationsTo(engineer).size(), "nothing is mailed twice");
    }

    @Test
    void unverifiedAddress_isMailedNothing_butTheConfirmation() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Person ic = person("Inka");
        User owner = Api.newUser("Otto");
        String address = Mailboxes.address("Otto");
        owner.as().body(Map.of("email", address)).put("/api/account/email").then().statusCode(200);
        UUID room = Api.newIncident(ic.user(), "Unverified " + tag);
        Api.addMember(ic.user(), room, owner, "observer");
        Api.accepted(ic.user(), room, "action.create", Map.of("title", "Patch " + tag, "ownerId", owner.id().toString()));

        deliver();
        List<Mail> mails = Mailboxes.to(mailbox, address);
        assertEquals(1, mails.size());
        assertTrue(mails.get(0).getSubject().startsWith("Confirm"), mails.get(0).getSubject());
    }

    @Test
    void preferences_leaveOutTheKindsAPersonDoesNotWant() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Person ic = person("Isa");
        Person member = person("Mara");
        member.user().as().body(Map.of("kinds", List.of("role_assigned"), "digest", false)).put("/api/account/notifications").then()
                .statusCode(200);
        assertEquals(List.of("role_assigned"), member.user().as().get("/api/account/notifications").then().statusCode(200).extract()
                .path("kinds"));
        UUID room = Api.newIncident(ic.user(), "Prefs " + tag);
        Api.addMember(ic.user(), room, member.user(), "observer");
        Api.accepted(ic.user(), room, "action.create", Map.of("title", "Unwanted " + tag, "ownerId", member.user().id().toString()));
        Api.accepted(ic.user(), room, "role.assign", Map.of("userId", member.user().id().toString(), "role", "scribe"));

        deliver();
        List<Mail> mails = notificationsTo(member);
        assertEquals(1, mails.size());
        assertTrue(mails.get(0).getText().contains("scribe"));
        assertFalse(mails.get(0).getText().contains("Unwanted " + tag));
    }

    @Test
    void preferences_refuseAnUnknownKind() {
        User user = Api.newUser("Paul");
        user.as().body(Map.of("kinds", List.of("everything"), "digest", false)).put("/api/account/notifications").then().statusCode(400);
    }

    @Test
    void dueSoon_overdue_andUpdateOverdue_reachTheirOwnersAndTheIc() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Person ic = person("Ilse");
        Person owner = person("Olaf");
        UUID room = Api.newIncident(ic.user(), "Timers " + tag); // SEV2: an update every hour
        Api.addMember(ic.user(), room, owner.user(), "containment_lead");
        Instant due = clock.instant().plus(Duration.ofMinutes(90));
        Api.accepted(ic.user(), room, "action.create", Map.of("title", "Contain " + tag, "ownerRole", "containment_lead", "dueAt", due.toString()));
        deliver();
        assertTrue(notificationsTo(owner).get(0).getText().contains("Action assigned to you: “Contain " + tag));

        clock.advance(Duration.ofMinutes(30)); // past "due soon" (an hour before)
        timers.fireDue();
        deliver();
        assertTrue(notificationsTo(owner).stream().anyMatch(m -> m.getText().contains("Action due") && m.getText().contains("Contain " + tag)),
                "due soon");

        clock.advance(Duration.ofMinutes(60)); // past the due time and the update cadence
        timers.fireDue();
        deliver();
        assertTrue(notificationsTo(owner).stream().anyMatch(m -> m.getText().contains("Action overdue") && m.getText().contains("Contain " + tag)),
                "overdue");
        assertTrue(notificationsTo(ic).stream().anyMatch(m -> m.getText().contains("A status update was due")), "the IC hears of the update");
        assertTrue(notificationsTo(owner).stream().noneMatch(m -> m.getText().contains("A status update was due")), "only the IC does");
    }
}
