package io.sitroom.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.sitroom.mail.MailSender;
import io.sitroom.mail.Mailboxes;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;

/** An account's e-mail address: set by its owner, verified only by the mailed link, or by the provider's word. */
@QuarkusTest
class AccountEmailTest {

    @Inject
    MockMailbox mailbox;
    @Inject
    MailSender sender;
    @Inject
    AccountEmail emails;
    @Inject
    OidcAccounts oidc;

    @Test
    void setAddress_isVerified_onlyByPostingTheMailedLinksToken_once() {
        User user = Api.newUser("Vera");
        String address = Mailboxes.address("Vera");
        user.as().body(Map.of("email", "  " + address.toUpperCase() + " ")).put("/api/account/email").then().statusCode(200)
                .body("email", org.hamcrest.Matchers.equalTo(address)).body("verified", org.hamcrest.Matchers.equalTo(false))
                .body("pending", org.hamcrest.Matchers.equalTo(true));
        assertEquals(Optional.empty(), emails.userByVerifiedEmail(address), "unverified: it names nobody");
        sender.sendDue();
        List<Mail> mails = Mailboxes.to(mailbox, address);
        assertEquals(1, mails.size());
        assertTrue(mails.get(0).getHtml().contains("/api/account/email/confirm?token="));
        String token = Mailboxes.token(mails.get(0));

        // Opening the link (a mail scanner does) only shows the button.
        given().get("/api/account/email/confirm?token=" + token).then().statusCode(200).body(containsString("<button type=\"submit\">"));
        user.as().get("/api/account/email").then().body("verified", org.hamcrest.Matchers.equalTo(false));

        given().contentType(ContentType.URLENC).formParam("token", token).post("/api/account/email/confirm").then().statusCode(200)
                .body(containsString("is confirmed"));
        user.as().get("/api/account/email").then().body("verified", org.hamcrest.Matchers.equalTo(true));
        assertEquals(Optional.of(user.id()), emails.userByVerifiedEmail(address.toUpperCase()));
        given().contentType(ContentType.URLENC).formParam("token", token).post("/api/account/email/confirm").then().statusCode(200)
                .body(containsString("not valid any more"));
    }

    @Test
    void confirmForm_isAcceptedWithTheSessionCookie_withoutTheWebAppsHeader() {
        given().contentType(ContentType.URLENC).cookie("sitroom_session", "anything").formParam("token", "junk")
                .post("/api/account/email/confirm").then().statusCode(200);
    }

    @Test
    void badAddress_isRefused_andGuestsHaveNone() {
        User user = Api.newUser("Bert");
        user.as().body(Map.of("email", "bert@@example.com")).put("/api/account/email").then().statusCode(400)
                .body("error.code", org.hamcrest.Matchers.equalTo("invalid"));
        user.as().body(Map.of("email", "bert@example.com\r\nBcc: x@example.com")).put("/api/account/email").then().statusCode(400);
    }

    @Test
    void confirmationMails_areLimitedPerAccount() {
        User user = Api.newUser("Rita");
        for (int i = 0; i < AccountEmail.CONFIRMATIONS_PER_HOUR; i++) {
            user.as().body(Map.of("email", Mailboxes.address("rita"))).put("/api/account/email").then().statusCode(200);
        }
        user.as().body(Map.of("email", Mailboxes.address("rita"))).put("/api/account/email").then().statusCode(429);
    }

    @Test
    void companySignIn_takesTheAddressAsVerified_onlyWhenTheProviderSaysSo() {
        String verified = Mailboxes.address("sso");
        UserService.SignedIn in = oidc.signIn(new OidcAccounts.Person("https://issuer.example", "sub-" + UUID.randomUUID(), "Sso", "sso",
                verified, true), true);
        assertEquals(Optional.of(in.user().id()), emails.userByVerifiedEmail(verified));

        String unverified = Mailboxes.address("sso2");
        UserService.SignedIn other = oidc.signIn(new OidcAccounts.Person("https://issuer.example", "sub-" + UUID.randomUUID(), "Sso2", "sso2",
                unverified), true);
        assertEquals(Optional.empty(), emails.userByVerifiedEmail(unverified), "no email_verified claim: not verified");
        AppUser row = QuarkusTransaction.requiringNew().call(() -> AppUser.findById(other.user().id()));
        assertEquals(unverified, row.email);
    }
}
