package io.sitroom.mail;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.restassured.http.ContentType;
import io.sitroom.testing.Api;

/** Test helpers around quarkus-mailer's mock mailbox: what arrived for an address, and following mailed links. */
public final class Mailboxes {

    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]{43})");

    private Mailboxes() {
    }

    /** Each test's own address (tests share the app, its mailbox and database). */
    public static String address(String name) {
        return name.toLowerCase() + "-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    public static List<Mail> to(MockMailbox mailbox, String address) {
        List<Mail> mails = mailbox.getMailsSentTo(address);
        return mails == null ? List.of() : mails;
    }

    /** The token of the one link a mail carries. */
    public static String token(Mail mail) {
        Matcher matcher = TOKEN.matcher(mail.getText());
        assertTrue(matcher.find(), "the mail carries a link with a token: " + mail.getText());
        return matcher.group(1);
    }

    /** Sets a user's address and follows the mailed link, as the person would: the address is verified. */
    public static void verify(Api.User user, String address, MockMailbox mailbox, MailSender sender) {
        user.as().body(Map.of("email", address)).put("/api/account/email").then().statusCode(200);
        sender.sendDue();
        List<Mail> mails = to(mailbox, address);
        String token = token(mails.get(mails.size() - 1));
        given().contentType(ContentType.URLENC).formParam("token", token).post("/api/account/email/confirm").then().statusCode(200);
        assertEquals(true, user.as().get("/api/account/email").then().statusCode(200).extract().path("verified"));
    }
}
