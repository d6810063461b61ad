package io.sitroom.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class ChatSignaturesTest {

    // Slack's worked example, "Verifying requests from Slack" (api.slack.com/authentication/verifying-requests-from-slack).
    static final String SLACK_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final String SLACK_TIMESTAMP = "1531420618";
    static final String SLACK_BODY = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
            + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
            + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
            + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    static final String SLACK_SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    static final Instant SENT = Instant.ofEpochSecond(1531420618);

    @Test
    void slack_verifiesSlacksPublishedExample() {
        assertTrue(ChatSignatures.slack(SLACK_SECRET, SLACK_TIMESTAMP, SLACK_SIGNATURE, SLACK_BODY, SENT.plusSeconds(60)));
    }

    @Test
    void slack_refusesTheExample_whenOneByteOfTheBodyChanged() {
        assertFalse(ChatSignatures.slack(SLACK_SECRET, SLACK_TIMESTAMP, SLACK_SIGNATURE, SLACK_BODY.replace("foobar", "foobaz"), SENT));
    }

    @Test
    void slack_refusesTheExample_withAnotherSecretOrTimestamp() {
        assertFalse(ChatSignatures.slack("another-secret", SLACK_TIMESTAMP, SLACK_SIGNATURE, SLACK_BODY, SENT));
        assertFalse(ChatSignatures.slack(SLACK_SECRET, "1531420619", SLACK_SIGNATURE, SLACK_BODY, SENT));
    }

    @Test
    void slack_refusesARequest_olderOrNewerThanFiveMinutes() {
        assertTrue(ChatSignatures.slack(SLACK_SECRET, SLACK_TIMESTAMP, SLACK_SIGNATURE, SLACK_BODY, SENT.plusSeconds(300)));
        assertFalse(ChatSignatures.slack(SLACK_SECRET, SLACK_TIMESTAMP, SLACK_SIGNATURE, SLACK_BODY, SENT.plusSeconds(301)));
        assertFalse(ChatSignatures.slack(SLACK_SECRET, SLACK_TIMESTAMP, SLACK_SIGNATURE, SLACK_BODY, SENT.minusSeconds(301)));
    }

    @Test
    void slack_refusesMissingOrMalformedHeaders() {
        assertFalse(ChatSignatures.slack(SLACK_SECRET, null, SLACK_SIGNATURE, SLACK_BODY, SENT));
        assertFalse(ChatSignatures.slack(SLACK_SECRET, SLACK_TIMESTAMP, null, SLACK_BODY, SENT));
        assertFalse(ChatSignatures.slack(SLACK_SECRET, "12ab", SLACK_SIGNATURE, SLACK_BODY, SENT));
        assertFalse(ChatSignatures.slack(SLACK_SECRET, "99999999999999999999", SLACK_SIGNATURE, SLACK_BODY, SENT));
        assertFalse(ChatSignatures.slack(SLACK_SECRET, SLACK_TIMESTAMP, SLACK_SIGNATURE.toUpperCase(), SLACK_BODY, SENT));
        assertFalse(ChatSignatures.slack("", SLACK_TIMESTAMP, SLACK_SIGNATURE, SLACK_BODY, SENT));
    }

    /** Teams: "HMAC " + base64(HMAC-SHA256(base64-decoded security token, raw body)), as Microsoft's samples compute it. */
    @Test
    void teams_verifiesTheDocumentedScheme_andRefusesAnyOtherBodyOrToken() throws Exception {
        String secret = Base64.getEncoder().encodeToString("a security token of 32 bytes!!!!".getBytes(StandardCharsets.UTF_8));
        String body = "{\"type\":\"message\",\"id\":\"1485983408511\",\"text\":\"<at>Sitroom</at> status\"}";
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret), "HmacSHA256"));
        String header = "HMAC " + Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        assertTrue(ChatSignatures.teams(secret, header, body));
        assertFalse(ChatSignatures.teams(secret, header, body + " "));
        assertFalse(ChatSignatures.teams(Base64.getEncoder().encodeToString("another".getBytes(StandardCharsets.UTF_8)), header, body));
        assertFalse(ChatSignatures.teams(secret, header.replace("HMAC ", "Bearer "), body));
        assertFalse(ChatSignatures.teams("not base64!", header, body));
        assertFalse(ChatSignatures.teams("", header, body));
        assertFalse(ChatSignatures.teams(secret, null, body));
    }

    @Test
    void token_matchesOnlyTheSameToken() {
        assertTrue(ChatSignatures.token("xr3j5x3p4pfk7kgyfnjktgiomb", "xr3j5x3p4pfk7kgyfnjktgiomb"));
        assertFalse(ChatSignatures.token("xr3j5x3p4pfk7kgyfnjktgiomb", "xr3j5x3p4pfk7kgyfnjktgiomc"));
        assertFalse(ChatSignatures.token("xr3j5x3p4pfk7kgyfnjktgiomb", null));
        assertFalse(ChatSignatures.token("", ""));
    }

    @Test
    void commandId_fitsACommandId_andIsTheSameForTheSameTrigger() {
        String id = ChatRequest.commandId(ChatPlatform.SLACK, "T1DC2JH3J", "398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c");
        assertTrue(io.sitroom.room.CommandEnvelope.isValidId(id), id);
        assertEquals(id, ChatRequest.commandId(ChatPlatform.SLACK, "T1DC2JH3J", "398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c"));
        assertFalse(id.equals(ChatRequest.commandId(ChatPlatform.SLACK, "T2", "398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c")));
        assertFalse(id.equals(ChatRequest.commandId(ChatPlatform.MATTERMOST, "T1DC2JH3J",
                "398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c")));
    }
}
