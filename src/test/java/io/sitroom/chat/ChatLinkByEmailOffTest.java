package io.sitroom.chat;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.sitroom.clock.MutableClock;
import io.sitroom.mail.MailSender;
import io.sitroom.mail.Mailboxes;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;

/** With {@code sitroom.chat.link-by-email=false}, a verified address links no one: a code is the only way. */
@QuarkusTest
@TestProfile(ChatLinkByEmailOffTest.Off.class)
@WithTestResource(FakeChatPlatforms.class)
class ChatLinkByEmailOffTest {

    public static class Off implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sitroom.chat.link-by-email", "false");
        }
    }

    @Inject
    MutableClock clock;
    @Inject
    MockMailbox mailbox;
    @Inject
    MailSender sender;

    @Test
    void aVerifiedAddress_linksNoOne_andSlackIsNotAsked() {
        User vic = Api.newUser("Vic Verified");
        String address = Mailboxes.address("vic");
        Mailboxes.verify(vic, address, mailbox, sender);
        String slackUser = "UOFF" + UUID.randomUUID().toString().substring(0, 8);
        FakeChatPlatforms.SLACK_USERS.put(slackUser, new FakeChatPlatforms.SlackUser(address, ChatClient.TEAM));

        ChatClient.slash(clock.instant(), slackUser, "CANY", "trig-" + slackUser, "declare sev2 Off " + slackUser).then().statusCode(200)
                .body("text", containsString("not linked")).body("text", containsString("/sitroom link <code>"));
        List<Map<String, Object>> links = vic.as().get("/api/chat/links").then().statusCode(200).extract().jsonPath().getList("$");
        assertEquals(List.of(), links);
        assertTrue(FakeChatPlatforms.calls(c -> c.method().equals("users.info") && slackUser.equals(c.args().get("user"))).isEmpty());
    }
}
