package io.sitroom.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.sitroom.error.SitroomException;

class ChatTextTest {

    static final UUID ID = UUID.fromString("6f1c1f0e-8b0c-4d8e-9a55-2f7f8d6c1a01");

    @Test
    void declare_readsSeverityAndTitle() {
        assertEquals(new ChatAction.Declare("SEV1", "Ransomware on the file servers"), ChatText.parse("declare sev1 Ransomware on the file servers"));
        assertEquals(new ChatAction.Declare(null, "Phishing wave"), ChatText.parse("  declare   Phishing wave "));
    }

    @Test
    void declare_isRefused_withoutATitle() {
        assertThrows(SitroomException.class, () -> ChatText.parse("declare sev2"));
        assertThrows(SitroomException.class, () -> ChatText.parse("declare"));
    }

    @Test
    void decide_readsChoiceRationaleAndApprovers() {
        assertEquals(new ChatAction.Decide("Isolate the plant network", "lateral movement seen", Set.of("incident_commander")),
                ChatText.parse("decide Isolate the plant network because lateral movement seen"));
        ChatAction.Decide named = (ChatAction.Decide) ChatText.parse("decide Pay nothing because policy approvers: legal, Comms_Approver");
        assertEquals(Set.of("legal", "comms_approver"), named.approvers());
        assertEquals("policy", named.rationale());
    }

    @Test
    void decide_isRefused_withoutARationale() {
        SitroomException e = assertThrows(SitroomException.class, () -> ChatText.parse("decide Isolate the network"));
        assertTrue(e.getMessage().contains("because"), e.getMessage());
    }

    @Test
    void approveRejectAck_readIds() {
        assertEquals(new ChatAction.Approve(ID), ChatText.parse("approve " + ID));
        assertEquals(new ChatAction.ApproveStatement(ID), ChatText.parse("approve statement " + ID));
        assertEquals(new ChatAction.Reject(ID, "too risky now"), ChatText.parse("reject " + ID + " too risky now"));
        assertEquals(new ChatAction.Ack(ID), ChatText.parse("ack " + ID));
        assertThrows(SitroomException.class, () -> ChatText.parse("approve 42"));
        assertThrows(SitroomException.class, () -> ChatText.parse("reject " + ID));
    }

    @Test
    void notesUpdatesStatusLinkAndHelp() {
        assertEquals(new ChatAction.Note("Firewall rule 12 added"), ChatText.parse("note Firewall rule 12 added"));
        assertEquals(new ChatAction.Update("Contained; monitoring"), ChatText.parse("UPDATE Contained; monitoring"));
        assertInstanceOf(ChatAction.Status.class, ChatText.parse("status"));
        assertEquals(new ChatAction.Link("ABCD-EFGH"), ChatText.parse("link ABCD-EFGH"));
        assertInstanceOf(ChatAction.Help.class, ChatText.parse(""));
        assertInstanceOf(ChatAction.Help.class, ChatText.parse("help"));
    }

    @Test
    void anUnknownVerb_isRefusedWithTheUsage() {
        SitroomException e = assertThrows(SitroomException.class, () -> ChatText.parse("launch missiles"));
        assertTrue(e.getMessage().contains("/sitroom declare"), e.getMessage());
    }

    @Test
    void teamsText_dropsTheMentionAndMarkup() {
        assertEquals("note a &lt; b", TeamsService.commandText("<at>Sitroom</at> note a &amp;lt; b"));
        assertEquals("status", TeamsService.commandText("<p><at>Sitroom</at>&nbsp;status</p>\n"));
    }

    @Test
    void buttons_mapToTheirCommands_andRefuseOthers() {
        assertEquals(new ChatAction.Approve(ID), ChatButtons.pressed("decision.approve", ID.toString()));
        assertInstanceOf(ChatAction.Reject.class, ChatButtons.pressed("decision.reject", ID.toString()));
        assertEquals(new ChatAction.Ack(ID), ChatButtons.pressed("ack.give", ID.toString()));
        assertThrows(SitroomException.class, () -> ChatButtons.pressed("member.remove", ID.toString()));
        assertThrows(SitroomException.class, () -> ChatButtons.pressed("decision.approve", "x"));
    }

    @Test
    void channelNames_followSlacksRules() {
        assertEquals("inc-20261202-db-breach-on-prod", ChatMirror.channelName("inc-", java.time.Instant.parse("2026-12-02T10:00:00Z"),
                "DB breach on PROD!"));
        assertTrue(ChatMirror.channelName("inc-", java.time.Instant.EPOCH, "x".repeat(200)).length() <= 80);
    }
}
