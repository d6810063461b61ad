package io.sitroom.chat;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.sitroom.clock.MutableClock;
import io.sitroom.mail.MailSender;
import io.sitroom.mail.Mailboxes;
import io.sitroom.security.AppUser;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;

/** Linking a chat user by the e-mail address their platform vouches for, and a person's own list of linked chat accounts. */
@QuarkusTest
@WithTestResource(FakeChatPlatforms.class)
class ChatLinkingTest {

    @Inject
    MutableClock clock;
    @Inject
    MockMailbox mailbox;
    @Inject
    MailSender sender;

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    private Response slash(String slackUser, String text) {
        return ChatClient.slash(clock.instant(), slackUser, "CANY", unique("trig-"), text);
    }

    private static List<Map<String, Object>> links(User user) {
        return user.as().get("/api/chat/links").then().statusCode(200).extract().jsonPath().getList("$");
    }

    @Test
    void aSlackUser_withTheVerifiedAddressOfOneAccount_isLinked_andTheirCommandRuns() {
        User ines = Api.newUser("Ines Email");
        String address = Mailboxes.address("ines");
        Mailboxes.verify(ines, address, mailbox, sender);
        String slackUser = unique("UMAIL");
        FakeChatPlatforms.SLACK_USERS.put(slackUser, new FakeChatPlatforms.SlackUser(address.toUpperCase(), ChatClient.TEAM));
        String title = unique("Linked by mail ");

        slash(slackUser, "declare sev2 " + title).then().statusCode(200)
                .body("text", startsWith("Linked by your verified e-mail address: in Slack you act as Ines Email in Sitroom."))
                .body("text", containsString("Declared"));
        List<Map<String, Object>> rooms = ines.as().get("/api/rooms").then().extract().jsonPath().getList("$");
        assertEquals(1, rooms.stream().filter(r -> title.equals(r.get("title"))).count(), "the room is Ines's");
        List<Map<String, Object>> mine = links(ines);
        assertEquals(1, mine.size());
        assertEquals("slack", mine.get(0).get("platform"));
        assertEquals(slackUser, mine.get(0).get("platformUserId"));
        slash(slackUser, "help").then().body("text", not(containsString("Linked by")));
    }

    @Test
    void anUnverifiedAddress_linksNoOne_andTheRefusalSaysHowToLink() {
        User una = Api.newUser("Una Unverified");
        String address = Mailboxes.address("una");
        una.as().body(Map.of("email", address)).put("/api/account/email").then().statusCode(200);
        String slackUser = unique("UUNV");
        FakeChatPlatforms.SLACK_USERS.put(slackUser, new FakeChatPlatforms.SlackUser(address, ChatClient.TEAM));

        slash(slackUser, "declare sev2 " + unique("Not linked ")).then().statusCode(200).body("text", containsString("not linked"))
                .body("text", containsString("/sitroom link <code>"));
        assertEquals(List.of(), links(una));
    }

    @Test
    void anAddressTwoAccountsHoldVerified_linksNeither() {
        // Confirming refuses an address another account holds verified; two racing confirmations could still both win.
        User first = Api.newUser("Fay First");
        User second = Api.newUser("Sam Second");
        String address = Mailboxes.address("shared");
        Mailboxes.verify(first, address, mailbox, sender);
        QuarkusTransaction.requiringNew().run(() -> AppUser.update("email = ?1, emailVerified = true where id = ?2", address, second.id()));
        String slackUser = unique("USHARED");
        FakeChatPlatforms.SLACK_USERS.put(slackUser, new FakeChatPlatforms.SlackUser(address, ChatClient.TEAM));

        slash(slackUser, "help").then().statusCode(200);
        slash(slackUser, "declare sev2 " + unique("Ambiguous ")).then().body("text", containsString("not linked"));
        assertEquals(List.of(), links(first));
        assertEquals(List.of(), links(second));
    }

    @Test
    void aDisabledAccount_isNotLinkedByItsAddress() {
        User dora = Api.newUser("Dora Disabled");
        String address = Mailboxes.address("dora");
        Mailboxes.verify(dora, address, mailbox, sender);
        String slackUser = unique("UDIS");
        FakeChatPlatforms.SLACK_USERS.put(slackUser, new FakeChatPlatforms.SlackUser(address, ChatClient.TEAM));
        given().auth().oauth2(Api.adminToken()).post("/api/users/" + dora.id() + "/disable").then().statusCode(200);

        slash(slackUser, "declare sev2 " + unique("Disabled ")).then().body("text", containsString("not linked"));
        User admin = new User(null, "admin", "admin", Api.adminToken());
        String audit = admin.as().get("/api/audit?action=chat.link&limit=500").then().statusCode(200).extract().asString();
        assertTrue(!audit.contains(slackUser), "no link was made: " + slackUser);
    }

    @Test
    void aSlackConnectUserOfAnotherOrganisation_isNotLinkedByTheAddressItsWorkspaceGives() {
        User olga = Api.newUser("Olga Other");
        String address = Mailboxes.address("olga");
        Mailboxes.verify(olga, address, mailbox, sender);
        String slackUser = unique("UEXT");
        FakeChatPlatforms.SLACK_USERS.put(slackUser, new FakeChatPlatforms.SlackUser(address, "T0OTHERORG"));

        slash(slackUser, "declare sev2 " + unique("Connect ")).then().body("text", containsString("not linked"));
        assertEquals(List.of(), links(olga));
    }

    @Test
    void aMattermostUser_isLinkedByTheirAddress_onlyWhenMattermostVerifiedIt() {
        User mona = Api.newUser("Mona Matter");
        String address = Mailboxes.address("mona");
        Mailboxes.verify(mona, address, mailbox, sender);
        String unverified = unique("mmunv");
        String verified = unique("mmver");
        FakeChatPlatforms.MATTERMOST_USERS.put(unverified, new FakeChatPlatforms.MattermostUser(address, false));
        FakeChatPlatforms.MATTERMOST_USERS.put(verified, new FakeChatPlatforms.MattermostUser(address, true));

        mattermost(unverified, "declare sev2 " + unique("MM unverified ")).then().statusCode(200).body("text", containsString("not linked"));
        mattermost(verified, "declare sev2 " + unique("MM verified ")).then().statusCode(200)
                .body("text", startsWith("Linked by your verified e-mail address: in Mattermost you act as Mona Matter"));
        assertEquals(List.of(verified), links(mona).stream().map(l -> l.get("platformUserId")).toList());
    }

    private static Response mattermost(String user, String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("channel_id", unique("mmchan"));
        fields.put("channel_name", "town-square");
        fields.put("command", "/sitroom");
        fields.put("team_id", "mmteam0000000000000000000b");
        fields.put("text", text);
        fields.put("token", FakeChatPlatforms.MATTERMOST_TOKEN);
        fields.put("trigger_id", UUID.randomUUID().toString());
        fields.put("user_id", user);
        fields.put("user_name", user);
        return given().contentType(ChatClient.FORM).body(ChatClient.form(fields)).post("/api/chat/mattermost/commands");
    }

    @Test
    void unlinking_isMineOnly_audited_andTheChatUserIsNotLinkedByEmailAgain() {
        User ulla = Api.newUser("Ulla Unlink");
        User other = Api.newUser("Otto Other");
        String address = Mailboxes.address("ulla");
        Mailboxes.verify(ulla, address, mailbox, sender);
        String byMail = unique("UBYMAIL");
        String byCode = unique("UBYCODE");
        FakeChatPlatforms.SLACK_USERS.put(byMail, new FakeChatPlatforms.SlackUser(address, ChatClient.TEAM));
        slash(byMail, "status").then().body("text", startsWith("Linked by your verified e-mail address"));
        ChatClient.link(clock.instant(), ulla, byCode);
        List<Map<String, Object>> mine = links(ulla);
        assertEquals(2, mine.size());
        String id = (String) mine.stream().filter(l -> byMail.equals(l.get("platformUserId"))).findFirst().orElseThrow().get("id");

        given().delete("/api/chat/links/" + id).then().statusCode(401);
        other.as().delete("/api/chat/links/" + id).then().statusCode(404);
        ulla.as().delete("/api/chat/links/not-a-link").then().statusCode(404);
        ulla.as().delete("/api/chat/links/" + id).then().statusCode(204);
        ulla.as().delete("/api/chat/links/" + id).then().statusCode(404);
        assertEquals(List.of(byCode), links(ulla).stream().map(l -> l.get("platformUserId")).toList());

        slash(byMail, "declare sev2 " + unique("After unlink ")).then().body("text", containsString("not linked"));
        User admin = new User(null, "admin", "admin", Api.adminToken());
        List<Map<String, Object>> audit = admin.as().get("/api/audit?action=chat.unlink").then().statusCode(200).extract().jsonPath().getList("$");
        assertTrue(audit.stream().anyMatch(e -> "chat.unlink".equals(e.get("action")) && String.valueOf(e.get("detail")).contains(byMail)),
                "the unlink is in the audit log");
        String code = ulla.as().post("/api/chat/link-codes").then().statusCode(201).extract().path("code");
        slash(byMail, "link " + code).then().body("text", startsWith("Linked"));
        assertEquals(2, links(ulla).size(), "a new code links it again");
        given().get("/api/chat/links").then().statusCode(401);
    }
}
